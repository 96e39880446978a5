package com.ticketbounty.gateway.ratelimit;

import com.ticketbounty.gateway.EdgeFilterOrder;
import com.ticketbounty.serviceweb.Pruning;
import com.ticketbounty.serviceweb.problem.ProblemResponses;
import com.ticketbounty.serviceweb.ratelimit.AttemptBuckets;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
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
 * API.md's limits per client address: {@code POST /api/auth/sign-in} and {@code POST
 * /api/auth/password/forgot} each allow {@code gateway.rate-limits.attempts-per-minute} per minute;
 * the next is 429 with {@code Retry-After} in whole seconds, and is not routed. identity-service
 * limits per account as well.
 *
 * <p>The client address is the TCP peer: the gateway is the edge, and an {@code X-Forwarded-For} a
 * client sends would let it pick a fresh address per attempt. Paths are matched the way the
 * services match them (decoded, without matrix parameters), so {@code /api/auth/sign%2Din} or
 * {@code /api/auth/sign-in;x=1} counts too.
 */
@Component
class AttemptRateLimit implements WebFilter, Ordered, DisposableBean {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final List<LimitedEndpoint> endpoints;
  private final Pruning pruning;

  AttemptRateLimit(RateLimitProperties properties) {
    int attempts = properties.attemptsPerMinute();
    this.endpoints =
        List.of(
            LimitedEndpoint.post("/api/auth/sign-in", attempts),
            LimitedEndpoint.post("/api/auth/password/forgot", attempts));
    this.pruning =
        Pruning.everyMinute(
            "rate-limit-buckets", () -> endpoints.forEach(e -> e.buckets().forgetIdle()));
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.RATE_LIMIT;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    Optional<Duration> wait =
        endpoints.stream()
            .filter(endpoint -> endpoint.matches(request))
            .findFirst()
            .flatMap(endpoint -> endpoint.buckets().attempt(clientAddress(request)));
    if (wait.isEmpty()) {
      return chain.filter(exchange);
    }
    long seconds = AttemptBuckets.retryAfterSeconds(wait.get());
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return ProblemResponses.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many attempts from this address; try again in " + seconds + " s.");
  }

  @Override
  public void destroy() {
    pruning.close();
  }

  private static String clientAddress(ServerHttpRequest request) {
    InetSocketAddress peer = request.getRemoteAddress();
    if (peer == null) {
      return "unknown";
    }
    return peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
  }

  private record LimitedEndpoint(HttpMethod method, PathPattern path, AttemptBuckets buckets) {
    static LimitedEndpoint post(String path, int attempts) {
      return new LimitedEndpoint(
          HttpMethod.POST,
          PathPatternParser.defaultInstance.parse(path),
          new AttemptBuckets(attempts, WINDOW));
    }

    boolean matches(ServerHttpRequest request) {
      return method.equals(request.getMethod())
          && path.matches(request.getPath().pathWithinApplication());
    }
  }
}
