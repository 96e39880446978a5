package com.ticketbounty.gateway;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 404 for {@code /internal/**} (each service's operations API, DESIGN.md §5) before any
 * route is looked at, so that a route added later with a broad pattern cannot expose it. A path
 * with a dot segment ({@code .}, {@code ..}, also percent-encoded) is refused the same way: routes
 * match the path as sent, and a downstream that normalised it could land on {@code /internal}.
 */
@Component
@Order(EdgeFilterOrder.INTERNAL_PATH_GUARD)
class InternalPathGuard implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    if (isInternal(path) || hasDotSegment(path)) {
      return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
    return chain.filter(exchange);
  }

  private static boolean isInternal(PathContainer path) {
    return path.elements().stream()
        .filter(PathContainer.PathSegment.class::isInstance)
        .findFirst()
        .map(segment -> ((PathContainer.PathSegment) segment).valueToMatch())
        .filter("internal"::equalsIgnoreCase)
        .isPresent();
  }

  private static boolean hasDotSegment(PathContainer path) {
    return path.elements().stream()
        .filter(PathContainer.PathSegment.class::isInstance)
        .map(segment -> ((PathContainer.PathSegment) segment).valueToMatch())
        .anyMatch(value -> value.equals(".") || value.equals(".."));
  }
}
