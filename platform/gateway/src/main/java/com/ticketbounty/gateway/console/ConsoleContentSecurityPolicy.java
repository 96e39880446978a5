package com.ticketbounty.gateway.console;

import com.ticketbounty.gateway.EdgeFilterOrder;
import java.util.List;
import org.springframework.core.Ordered;
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
 * A strict content security policy on the console's answers ({@code /ops}, {@code /ops/**}): only
 * the gateway's own scripts, styles and calls, no inline script or style, no plugin, no form posted
 * elsewhere. Should a value the console shows ever be read as markup, no script of it runs. It is
 * added beside the gateway's {@code frame-ancestors 'none'}; a browser enforces both.
 */
@Component
class ConsoleContentSecurityPolicy implements WebFilter, Ordered {
  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  private static final List<PathPattern> CONSOLE =
      List.of(
          PathPatternParser.defaultInstance.parse("/ops"),
          PathPatternParser.defaultInstance.parse("/ops/**"));

  @Override
  public int getOrder() {
    // Right after the gateway's own security headers: every console answer, refusals included.
    return EdgeFilterOrder.SECURITY_HEADERS + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    if (CONSOLE.stream().noneMatch(pattern -> pattern.matches(path))) {
      return chain.filter(exchange);
    }
    ServerHttpResponse response = exchange.getResponse();
    response.beforeCommit(
        () -> {
          response.getHeaders().add("Content-Security-Policy", POLICY);
          return Mono.empty();
        });
    return chain.filter(exchange);
  }
}
