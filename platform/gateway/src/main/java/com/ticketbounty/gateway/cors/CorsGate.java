package com.ticketbounty.gateway.cors;

import com.ticketbounty.gateway.EdgeFilterOrder;
import com.ticketbounty.serviceweb.problem.ProblemResponses;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the frontend, for every path the gateway serves. It runs before the access-token check,
 * so a preflight is always answered here (200 with the {@code Access-Control-*} headers, never
 * routed, never 401), and every later answer — a 401, a 429, a service's own — already carries the
 * headers the browser needs to read it. A cross-origin request from an origin not allowed is 403
 * without any CORS header, as Spring's own CORS filter does, but as problem details.
 */
@Component
class CorsGate implements WebFilter, Ordered {
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  static final List<String> REQUEST_HEADERS =
      List.of("Authorization", "Content-Type", "Idempotency-Key", "traceparent", "tracestate");
  static final List<String> EXPOSED_HEADERS = List.of("Retry-After", "Location");

  private final CorsConfiguration configuration = new CorsConfiguration();
  private final CorsProcessor processor = new DefaultCorsProcessor();

  CorsGate(CorsProperties properties) {
    configuration.setAllowedOrigins(properties.allowedOrigins());
    configuration.setAllowedMethods(METHODS);
    configuration.setAllowedHeaders(REQUEST_HEADERS);
    configuration.setExposedHeaders(EXPOSED_HEADERS);
    // Access tokens travel in the Authorization header, never in cookies.
    configuration.setAllowCredentials(false);
    configuration.setMaxAge(properties.maxAge());
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.CORS;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    // Same-origin and non-browser requests pass untouched: the processor only judges CORS ones.
    if (!processor.process(configuration, exchange)) {
      return ProblemResponses.write(
          exchange, HttpStatus.FORBIDDEN, "This origin, method or header is not allowed here.");
    }
    if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
      return Mono.empty();
    }
    return chain.filter(exchange);
  }
}
