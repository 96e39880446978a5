package com.ticketbounty.gateway.ops;

import com.ticketbounty.serviceweb.security.Authenticated;
import com.ticketbounty.serviceweb.security.Caller;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The ADMIN gate of {@code /api/ops/**}, a filter on its routes: no handler runs unless the access
 * token verified by service-web's {@code BearerTokenFilter} (a bad or ended one is already 401
 * there) belongs to an ADMIN. No token is 401, anyone else's 403.
 */
public final class AdminOnly implements HandlerFilterFunction<ServerResponse, ServerResponse> {

  @Override
  public Mono<ServerResponse> filter(
      ServerRequest request, HandlerFunction<ServerResponse> handler) {
    Optional<Authenticated> who = Authenticated.of(request.exchange());
    if (who.isEmpty()) {
      return OpsAnswers.problem(
          request, HttpStatus.UNAUTHORIZED, "An administrator's access token is required.");
    }
    if (who.get() instanceof Caller caller && caller.isAdmin()) {
      return handler.handle(request);
    }
    return OpsAnswers.problem(
        request, HttpStatus.FORBIDDEN, "Only an administrator may use the operations API.");
  }
}
