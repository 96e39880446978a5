package com.ticketbounty.gateway.ops;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The calls about one thing of one service — a run, its replay or cancel, a dead letter's redrive,
 * a cron function's trigger — plus sending an event and the local e-mail sink. Each goes to the one
 * service it names, at a URI built from validated path values ({@link OpsTargets}); the service's
 * answer is passed on ({@link OpsAnswers#passOn}).
 */
final class OpsActions {
  private final OpsTargets targets;
  private final Downstream downstream;
  private final OpsProperties properties;

  OpsActions(OpsTargets targets, Downstream downstream, OpsProperties properties) {
    this.targets = targets;
    this.downstream = downstream;
    this.properties = properties;
  }

  Mono<ServerResponse> run(ServerRequest request) {
    return onRun(request, HttpMethod.GET, "/runs/{id}");
  }

  Mono<ServerResponse> replay(ServerRequest request) {
    return onRun(request, HttpMethod.POST, "/runs/{id}/replay");
  }

  Mono<ServerResponse> cancel(ServerRequest request) {
    return onRun(request, HttpMethod.POST, "/runs/{id}/cancel");
  }

  Mono<ServerResponse> redrive(ServerRequest request) {
    String service = request.pathVariable("service");
    if (!targets.knows(service)) {
      return OpsAnswers.unknownService(request, service);
    }
    Optional<Long> id = OpsTargets.deadLetterId(request.pathVariable("id"));
    if (id.isEmpty()) {
      return OpsAnswers.problem(request, HttpStatus.NOT_FOUND, "There is no such dead letter.");
    }
    return forward(request, service, HttpMethod.POST, "/dead-letters/{id}/redrive", null, id.get());
  }

  Mono<ServerResponse> trigger(ServerRequest request) {
    String service = request.pathVariable("service");
    if (!targets.knows(service)) {
      return OpsAnswers.unknownService(request, service);
    }
    Optional<String> function = OpsTargets.functionId(request.pathVariable("functionId"));
    if (function.isEmpty()) {
      return OpsAnswers.problem(request, HttpStatus.NOT_FOUND, "There is no such function.");
    }
    return forward(
        request, service, HttpMethod.POST, "/functions/{id}/trigger", null, function.get());
  }

  /**
   * {@code {name, data, v?, service?}}: published once, through the outbox of {@code service}
   * (default {@link OpsProperties#eventsService()}); every subscriber of every service receives it
   * from there.
   */
  Mono<ServerResponse> sendEvent(ServerRequest request) {
    return OpsBodies.object(request)
        .flatMap(
            body -> {
              Optional<String> service = OpsBodies.service(body);
              String chosen = service.orElse(properties.eventsService());
              if (!targets.knows(chosen)) {
                return OpsBodies.unknownServiceField(request, targets, chosen);
              }
              return forward(request, chosen, HttpMethod.POST, "/events", body);
            })
        .onErrorResume(OpsBodies.Unreadable.class, e -> OpsBodies.unreadable(request, e));
  }

  /** The local e-mail sink, a page at a time ({@code limit}, {@code before} passed on). */
  Mono<ServerResponse> emails(ServerRequest request) {
    String service = properties.emailsService();
    if (!targets.knows(service)) {
      return OpsAnswers.problem(
          request, HttpStatus.NOT_FOUND, "No service holding the e-mail sink is configured.");
    }
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    for (String name : List.of("limit", "before")) {
      request.queryParam(name).ifPresent(value -> query.add(name, value));
    }
    URI uri = targets.uri(service, "/internal/notifications/emails", query);
    return downstream
        .call(service, HttpMethod.GET, uri, OpsAnswers.authorization(request), null)
        .flatMap(reply -> OpsAnswers.passOn(request, reply));
  }

  private Mono<ServerResponse> onRun(ServerRequest request, HttpMethod method, String path) {
    String service = request.pathVariable("service");
    if (!targets.knows(service)) {
      return OpsAnswers.unknownService(request, service);
    }
    return OpsTargets.runId(request.pathVariable("runId"))
        .map(id -> forward(request, service, method, path, null, id))
        .orElseGet(
            () -> OpsAnswers.problem(request, HttpStatus.NOT_FOUND, "There is no such run."));
  }

  private Mono<ServerResponse> forward(
      ServerRequest request,
      String service,
      HttpMethod method,
      String path,
      @org.jspecify.annotations.Nullable JsonNode body,
      Object... values) {
    URI uri = targets.uri(service, OpsTargets.RUNTIME + path, values);
    return downstream
        .call(service, method, uri, OpsAnswers.authorization(request), body)
        .flatMap(reply -> OpsAnswers.passOn(request, reply));
  }

  static Map<String, String> field(String field, String message) {
    return Map.of("field", field, "message", message);
  }
}
