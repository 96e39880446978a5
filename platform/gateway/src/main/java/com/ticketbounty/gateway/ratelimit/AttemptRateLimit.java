package com.ticketbounty.gateway.ratelimit;

import com.ticketbounty.gateway.EdgeFilterOrder;
import com.ticketbounty.serviceweb.problem.ProblemResponses;
import com.ticketbounty.serviceweb.ratelimit.AttemptKey;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimit;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimitUnavailableException;
import com.ticketbounty.serviceweb.ratelimit.AttemptStore;
import com.ticketbounty.serviceweb.ratelimit.TooManyAttemptsException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * API.md's limits per client address at the edge: {@code POST /api/auth/sign-in} and {@code POST
 * /api/auth/password/forgot} each allow {@code gateway.rate-limits.attempts-per-minute} per minute;
 * the next is 429 with {@code Retry-After} in whole seconds, and is not routed. identity-service
 * limits these and its other endpoints per client address and per account as well.
 *
 * <p>The count is service-web's {@link AttemptStore} in the gateway's own database, so every
 * gateway instance shares it; when it cannot be counted the attempt is 503, never let through.
 *
 * <p>The client address is the TCP peer: the gateway is the edge, and an {@code X-Forwarded-For} a
 * client sends would let it pick a fresh address per attempt. Paths are matched the way the
 * services match them (decoded, without matrix parameters), so {@code /api/auth/sign%2Din} or
 * {@code /api/auth/sign-in;x=1} counts too.
 */
@Component
class AttemptRateLimit implements WebFilter, Ordered {
  private static final Logger log = LoggerFactory.getLogger(AttemptRateLimit.class);

  private final List<LimitedEndpoint> endpoints;

  AttemptRateLimit(RateLimitProperties properties, AttemptStore store) {
    int attempts = properties.attemptsPerMinute();
    this.endpoints =
        List.of(
            LimitedEndpoint.post(
                "/api/auth/sign-in", AttemptLimit.perMinute(store, "sign-in", attempts)),
            LimitedEndpoint.post(
                "/api/auth/password/forgot",
                AttemptLimit.perMinute(store, "forgot-password", attempts)));
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.RATE_LIMIT;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    Optional<AttemptLimit> limit =
        endpoints.stream()
            .filter(endpoint -> endpoint.matches(request))
            .findFirst()
            .map(LimitedEndpoint::limit);
    if (limit.isEmpty()) {
      return chain.filter(exchange);
    }
    return limit
        .get()
        .take(AttemptKey.client(clientAddress(request)))
        .thenReturn(true)
        .onErrorResume(
            TooManyAttemptsException.class,
            refusal -> ProblemResponses.tooManyAttempts(exchange, refusal).thenReturn(false))
        .onErrorResume(
            AttemptLimitUnavailableException.class,
            failure -> uncounted(exchange, failure).thenReturn(false))
        .flatMap(allowed -> allowed ? chain.filter(exchange) : Mono.empty());
  }

  private static Mono<Void> uncounted(
      ServerWebExchange exchange, AttemptLimitUnavailableException failure) {
    log.warn("{}: {}", failure.getMessage(), String.valueOf(failure.getCause()));
    return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, failure.detail());
  }

  private static String clientAddress(ServerHttpRequest request) {
    InetSocketAddress peer = request.getRemoteAddress();
    if (peer == null) {
      return "unknown";
    }
    return peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
  }

  private record LimitedEndpoint(HttpMethod method, PathPattern path, AttemptLimit limit) {
    static LimitedEndpoint post(String path, AttemptLimit limit) {
      return new LimitedEndpoint(
          HttpMethod.POST, PathPatternParser.defaultInstance.parse(path), limit);
    }

    boolean matches(ServerHttpRequest request) {
      return method.equals(request.getMethod())
          && path.matches(request.getPath().pathWithinApplication());
    }
  }
}
