package com.ticketbounty.gateway.security;

import com.ticketbounty.gateway.EdgeFilterOrder;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The security headers of every answer the gateway gives: routed or its own (an error, a 429, a
 * preflight), the API documents and Swagger UI alike.
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser takes a JSON answer for JSON, never for
 *       a script or a page;
 *   <li>{@code Referrer-Policy: no-referrer}: no URL of the frontend leaves with a request (a reset
 *       link carries its token in the URL);
 *   <li>{@code X-Frame-Options: DENY} and {@code Content-Security-Policy: frame-ancestors 'none'}:
 *       nothing is shown in a frame, for older and newer browsers. The policy names nothing else,
 *       so Swagger UI's scripts and styles load as before;
 *   <li>{@code Strict-Transport-Security} as configured ({@link SecurityHeadersProperties}, only
 *       under the {@code prod} profile);
 *   <li>{@code Cache-Control: no-store} on every answer under {@code /api/auth/**} and {@code
 *       /api/account/**}: those carry access and refresh tokens (sign-up, sign-in, refresh, reset)
 *       or the account's own data, which no cache may keep. Other answers keep what their service
 *       says (public reads may be cached).
 * </ul>
 *
 * <p>They are written when the answer is committed, after a service's headers have been copied, so
 * a service cannot weaken them: each value replaces the service's, except the content security
 * policy, which is added beside a service's own (a browser enforces every policy it is sent). This
 * filter runs before any other ({@link EdgeFilterOrder}), so that even an answer refused at once
 * carries them.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {
  static final String FRAME_ANCESTORS_NONE = "frame-ancestors 'none'";
  private static final List<PathPattern> NEVER_STORED =
      List.of(
          PathPatternParser.defaultInstance.parse("/api/auth/**"),
          PathPatternParser.defaultInstance.parse("/api/account/**"));

  private final String strictTransportSecurity;

  SecurityHeaders(SecurityHeadersProperties properties) {
    this.strictTransportSecurity = properties.strictTransportSecurity();
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.SECURITY_HEADERS;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpResponse response = exchange.getResponse();
    boolean neverStored = neverStored(exchange.getRequest().getPath().pathWithinApplication());
    response.beforeCommit(
        () -> {
          write(response.getHeaders(), neverStored);
          return Mono.empty();
        });
    return chain.filter(exchange);
  }

  private void write(HttpHeaders headers, boolean neverStored) {
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    List<String> policies = headers.getOrEmpty("Content-Security-Policy");
    if (!policies.contains(FRAME_ANCESTORS_NONE)) {
      headers.add("Content-Security-Policy", FRAME_ANCESTORS_NONE);
    }
    if (strictTransportSecurity.isEmpty()) {
      headers.remove("Strict-Transport-Security");
    } else {
      headers.set("Strict-Transport-Security", strictTransportSecurity);
    }
    if (neverStored) {
      headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }

  private static boolean neverStored(PathContainer path) {
    return NEVER_STORED.stream().anyMatch(pattern -> pattern.matches(path));
  }
}
