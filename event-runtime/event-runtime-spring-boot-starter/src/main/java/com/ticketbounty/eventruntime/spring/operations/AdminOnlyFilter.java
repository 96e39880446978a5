package com.ticketbounty.eventruntime.spring.operations;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets only ADMIN tokens reach {@code /internal/runtime/**}: no or an invalid token is 401, a valid
 * token of another role 403, both as problem details. Other paths pass untouched.
 */
final class AdminOnlyFilter implements WebFilter, Ordered {
  static final String PATH = "/internal/runtime";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AdminTokens tokens;

  AdminOnlyFilter(AdminTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
      return chain.filter(exchange);
    }
    String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return refuse(exchange, HttpStatus.UNAUTHORIZED, "An ADMIN access token is required.");
    }
    String token = header.substring(7).trim();
    return Mono.fromCallable(() -> tokens.verify(token))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            verdict ->
                switch (verdict) {
                  case ADMIN -> chain.filter(exchange);
                  case NOT_ADMIN ->
                      refuse(exchange, HttpStatus.FORBIDDEN, "Only ADMIN may operate the runtime.");
                  case INVALID ->
                      refuse(exchange, HttpStatus.UNAUTHORIZED, "The access token is not valid.");
                  case KEYS_UNAVAILABLE ->
                      refuse(
                          exchange,
                          HttpStatus.SERVICE_UNAVAILABLE,
                          "The keys that verify access tokens cannot be fetched; try again.");
                });
  }

  private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String detail) {
    Map<String, Object> problem =
        Problems.body(status, detail, exchange.getRequest().getPath().value());
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    byte[] body = JSON.writeValueAsBytes(problem);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  /** Before anything else looks at the request. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
