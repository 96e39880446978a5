package com.ticketbounty.gateway.cors;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops any {@code Access-Control-*} header a service answers with: CORS is the gateway's alone
 * ({@link CorsGate} has set them already), and a second {@code Access-Control-Allow-Origin} would
 * make the browser refuse the answer.
 */
@Component
class DownstreamCorsHeaders implements HttpHeadersFilter {
  private static final String PREFIX = "access-control-";

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders kept = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          if (!name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            kept.addAll(name, values);
          }
        });
    return kept;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.RESPONSE;
  }
}
