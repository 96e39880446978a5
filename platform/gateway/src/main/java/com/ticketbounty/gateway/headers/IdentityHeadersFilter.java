package com.ticketbounty.gateway.headers;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops the identity headers of {@link IdentityHeadersProperties} from every routed request. It is
 * one of the filters the gateway applies to the headers it sends on, whatever the route, so a route
 * added later cannot forget it. {@code Authorization} is passed on: the service verifies the token
 * again itself.
 */
@Component
class IdentityHeadersFilter implements HttpHeadersFilter {
  private final IdentityHeadersProperties properties;

  IdentityHeadersFilter(IdentityHeadersProperties properties) {
    this.properties = properties;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders kept = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          if (!properties.names(name)) {
            kept.addAll(name, values);
          }
        });
    return kept;
  }
}
