package com.ticketbounty.serviceweb.problem;

import com.ticketbounty.serviceweb.ratelimit.TooManyAttemptsException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes a problem-details answer from a web filter, where no controller advice reaches. */
public final class ProblemResponses {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ProblemResponses() {}

  /** 429 with {@code Retry-After}, as service-web's problem details answer it in a service. */
  public static Mono<Void> tooManyAttempts(
      ServerWebExchange exchange, TooManyAttemptsException refusal) {
    exchange
        .getResponse()
        .getHeaders()
        .set(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
    return write(exchange, HttpStatus.TOO_MANY_REQUESTS, refusal.detail());
  }

  public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", exchange.getRequest().getURI().getRawPath());
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    DataBuffer buffer =
        response
            .bufferFactory()
            .wrap(MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
