package com.ticketbounty.eventruntime.spring.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** RFC 9457 problem details for the operations API. */
final class Problems {
  private Problems() {}

  static Map<String, Object> body(HttpStatus status, String detail, String instance) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", instance);
    return problem;
  }

  static Mono<ServerResponse> respond(HttpStatus status, String detail, String instance) {
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(body(status, detail, instance));
  }
}
