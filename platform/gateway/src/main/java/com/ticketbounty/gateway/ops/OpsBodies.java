package com.ticketbounty.gateway.ops;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies of the operations API: a JSON object (an empty body is {@code {}}), whose optional
 * {@code service} field picks the service and is not passed on.
 */
final class OpsBodies {
  private OpsBodies() {}

  /** The body is not a JSON object. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  static Mono<ObjectNode> object(ServerRequest request) {
    return request
        .bodyToMono(byte[].class)
        .defaultIfEmpty(new byte[0])
        .map(
            bytes -> {
              if (bytes.length == 0) {
                return OpsAnswers.JSON.createObjectNode();
              }
              JsonNode node;
              try {
                node = OpsAnswers.JSON.readTree(bytes);
              } catch (JacksonException e) {
                throw new Unreadable("The body is not valid JSON.");
              }
              if (!(node instanceof ObjectNode object)) {
                throw new Unreadable("The body must be a JSON object.");
              }
              return object;
            });
  }

  /** Takes {@code service} out of the body; a value that is not text is no service at all. */
  static Optional<String> service(ObjectNode body) {
    JsonNode service = body.remove("service");
    if (service == null || service.isNull()) {
      return Optional.empty();
    }
    return Optional.of(service.isString() ? service.asString() : service.toString());
  }

  static Mono<ServerResponse> unknownServiceField(
      ServerRequest request, OpsTargets targets, String service) {
    return OpsAnswers.problem(
        request,
        HttpStatus.UNPROCESSABLE_CONTENT,
        "There is no service " + service + ".",
        List.of(OpsActions.field("service", "must be one of " + targets.names())));
  }

  static Mono<ServerResponse> unreadable(ServerRequest request, Unreadable e) {
    return OpsAnswers.problem(request, HttpStatus.BAD_REQUEST, e.getMessage());
  }
}
