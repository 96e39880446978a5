package com.ticketbounty.gateway.ops;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The answers of the operations API: RFC 9457 problems, and a service's answer passed on. */
final class OpsAnswers {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private OpsAnswers() {}

  static Mono<ServerResponse> problem(ServerRequest request, HttpStatus status, String detail) {
    return problem(request, status, detail, List.of());
  }

  /** A problem with {@code errors[]} of {@code {field, message}} (validation). */
  static Mono<ServerResponse> problem(
      ServerRequest request, HttpStatus status, String detail, List<Map<String, String>> errors) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", request.path());
    if (!errors.isEmpty()) {
      ArrayNode list = body.putArray("errors");
      errors.forEach(error -> list.add(JSON.valueToTree(error)));
    }
    return ServerResponse.status(status)
        .headers(
            headers -> {
              if (status == HttpStatus.UNAUTHORIZED) {
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
              }
            })
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(body);
  }

  static Mono<ServerResponse> unknownService(ServerRequest request, String service) {
    return problem(request, HttpStatus.NOT_FOUND, "There is no service " + service + ".");
  }

  /**
   * A call to one service, answered: a success passes on with {@code service} added to an object
   * body; a refusal (4xx) passes on as a problem, its {@code instance} the gateway's path; a
   * service that did not answer is 502 (it answered wrongly) or 504 (it did not answer), naming it.
   */
  static Mono<ServerResponse> passOn(ServerRequest request, Reply reply) {
    if (reply instanceof Reply.Unavailable unavailable) {
      return problem(
          request,
          unavailable.reason().startsWith("no answer")
              ? HttpStatus.GATEWAY_TIMEOUT
              : HttpStatus.BAD_GATEWAY,
          unavailable.service() + " is unavailable: " + unavailable.reason() + ".");
    }
    Reply.Answered answered = (Reply.Answered) reply;
    JsonNode body = answered.body();
    if (answered.ok()) {
      if (body instanceof ObjectNode object && !object.has("list")) {
        object.put("service", answered.service());
      }
      return ServerResponse.status(answered.status())
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body);
    }
    return refusal(request, answered);
  }

  /** A service's 4xx as a problem of the gateway's request. */
  static Mono<ServerResponse> refusal(ServerRequest request, Reply.Answered answered) {
    ObjectNode problem =
        answered.body() instanceof ObjectNode object ? object : JSON.createObjectNode();
    HttpStatus status = HttpStatus.resolve(answered.status());
    if (status == null) {
      status = HttpStatus.BAD_REQUEST;
    }
    HttpStatus refused = status;
    problem.put("instance", request.path());
    if (!problem.has("status")) {
      problem.put("type", "about:blank");
      problem.put("title", refused.getReasonPhrase());
      problem.put("status", refused.value());
    }
    return ServerResponse.status(refused)
        .headers(
            headers -> {
              if (refused == HttpStatus.UNAUTHORIZED) {
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
              }
            })
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem);
  }

  static Mono<ServerResponse> ok(JsonNode body) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }

  static @Nullable String authorization(ServerRequest request) {
    return request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
  }
}
