package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.spi.OperatorActionStore.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The {@link OperationsAccess} check as a filter of the operations routes: it runs only for a
 * request that one of them matched, and always before that route's handler. Refusals are problem
 * details; a 401 names the scheme in {@code WWW-Authenticate}.
 */
final class OperationsGuard implements HandlerFilterFunction<ServerResponse, ServerResponse> {
  /** Where an admitted request carries its {@link Actor} for the handlers that audit. */
  static final String ACTOR = OperationsGuard.class.getName() + ".actor";

  private final OperationsAccess access;

  OperationsGuard(OperationsAccess access) {
    this.access = access;
  }

  RouterFunction<ServerResponse> guard(RouterFunction<ServerResponse> routes) {
    return routes.filter(this);
  }

  @Override
  public Mono<ServerResponse> filter(
      ServerRequest request, HandlerFunction<ServerResponse> handler) {
    return access
        .decide(request)
        .flatMap(
            decision ->
                decision instanceof OperationsAccess.Decision.Admitted admitted
                    ? admit(admitted.actor(), request, handler)
                    : refuse((OperationsAccess.Decision.Refused) decision, request));
  }

  private static Mono<ServerResponse> admit(
      Actor actor, ServerRequest request, HandlerFunction<ServerResponse> handler) {
    request.attributes().put(ACTOR, actor);
    return handler.handle(request);
  }

  /** Who an admitted request speaks for (every handler behind the guard has one). */
  static Actor actor(ServerRequest request) {
    return request
        .attribute(ACTOR)
        .map(Actor.class::cast)
        .orElseThrow(() -> new IllegalStateException("a request the guard did not admit"));
  }

  private static Mono<ServerResponse> refuse(
      OperationsAccess.Decision.Refused refused, ServerRequest request) {
    return ServerResponse.status(refused.status())
        .headers(
            headers -> {
              if (refused.status() == HttpStatus.UNAUTHORIZED) {
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
              }
            })
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(Problems.body(refused.status(), refused.detail(), request.path()));
  }
}
