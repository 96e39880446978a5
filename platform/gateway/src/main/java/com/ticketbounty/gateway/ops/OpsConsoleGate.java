package com.ticketbounty.gateway.ops;

import com.ticketbounty.serviceweb.problem.ProblemResponses;
import com.ticketbounty.serviceweb.security.Authenticated;
import com.ticketbounty.serviceweb.security.BearerTokenFilter;
import com.ticketbounty.serviceweb.security.Caller;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gate of the console's pages under {@code /ops} (static files): a request without an {@code
 * Authorization} header gets the page (it is the sign-in form, and holds no data — the data comes
 * from {@code /api/ops}, gated by {@link AdminOnly}); a request with a bearer token of anyone but
 * an ADMIN is 403. A bad token never gets here: {@link BearerTokenFilter} answers it 401 first. The
 * first path segment is compared without regard to case, so no spelling slips past.
 */
@Component
class OpsConsoleGate implements WebFilter, Ordered {

  @Override
  public int getOrder() {
    return BearerTokenFilter.ORDER + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!isConsole(exchange.getRequest().getPath().pathWithinApplication())
        || !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
      return chain.filter(exchange);
    }
    Optional<Authenticated> who = Authenticated.of(exchange);
    if (who.isPresent() && who.get() instanceof Caller caller && caller.isAdmin()) {
      return chain.filter(exchange);
    }
    if (who.isEmpty()) {
      exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      return ProblemResponses.write(
          exchange, HttpStatus.UNAUTHORIZED, "An administrator's access token is required.");
    }
    return ProblemResponses.write(
        exchange, HttpStatus.FORBIDDEN, "Only an administrator may open the console.");
  }

  private static boolean isConsole(PathContainer path) {
    return path.elements().stream()
        .filter(PathContainer.PathSegment.class::isInstance)
        .findFirst()
        .map(segment -> ((PathContainer.PathSegment) segment).valueToMatch())
        .filter("ops"::equalsIgnoreCase)
        .isPresent();
  }
}
