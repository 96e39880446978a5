package com.ticketbounty.admindigest.adapter.out.http;

import com.ticketbounty.admindigest.domain.Count;
import com.ticketbounty.serviceweb.client.RetryAfter;
import com.ticketbounty.serviceweb.client.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * One owner's {@code GET <path>?since=<instant>}, guarded as {@link WebClientFigures} describes:
 * the token is taken first (outside the time limit and the breaker, which judge the owner alone),
 * then each call runs under the time limit and through this owner's circuit breaker, and the retry
 * around both makes the next call.
 */
final class CountEndpoint {
  /**
   * The longest wait an owner's {@code Retry-After} may ask for: a daily digest that waited longer
   * would report on a day gone by, and the run's retries still bound how often it asks.
   */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

  private static final int MAX_BODY_IN_MESSAGE = 300;

  private final String service;
  private final String path;
  private final WebClient client;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final TimeLimiter timeLimiter;
  private final Clock clock;

  CountEndpoint(String service, String path, WebClient client, Guards guards, Clock clock) {
    this.service = service;
    this.path = path;
    this.client = client;
    this.breaker = guards.breaker();
    this.retry = guards.retry();
    this.timeLimiter = guards.timeLimiter();
    this.clock = clock;
  }

  /** The resilience4j instances around one owner's calls. */
  record Guards(CircuitBreaker breaker, Retry retry, TimeLimiter timeLimiter) {}

  String service() {
    return service;
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  Mono<Count> count(Instant since, ServiceTokens tokens) {
    return Mono.defer(() -> tokens.token())
        .onErrorMap(e -> !(e instanceof CallFailure), e -> new CallFailure.NoToken(service, e))
        .flatMap(
            token ->
                ask(since, token, tokens).transformDeferred(CircuitBreakerOperator.of(breaker)))
        .transformDeferred(RetryOperator.of(retry));
  }

  private Mono<Count> ask(Instant since, String token, ServiceTokens tokens) {
    return client
        .get()
        .uri(uri -> uri.path(path).queryParam("since", "{since}").build(since.toString()))
        .headers(headers -> headers.setBearerAuth(token))
        .accept(MediaType.APPLICATION_JSON)
        .exchangeToMono(response -> read(response, tokens))
        .transformDeferred(TimeLimiterOperator.of(timeLimiter));
  }

  private Mono<Count> read(ClientResponse response, ServiceTokens tokens) {
    int status = response.statusCode().value();
    if (response.statusCode().is2xxSuccessful()) {
      return response
          .bodyToMono(CountAnswer.class)
          .onErrorMap(
              CodecException.class, e -> new CallFailure.NotACount(service, e.getMessage(), e))
          .switchIfEmpty(Mono.error(() -> new CallFailure.NotACount(service, "no body", null)))
          .map(this::count);
    }
    if (status == HttpStatus.UNAUTHORIZED.value()) {
      return response
          .releaseBody()
          .then(tokens.forget())
          .then(Mono.error(new CallFailure.TokenRefused(service)));
    }
    if (status == HttpStatus.REQUEST_TIMEOUT.value()
        || status == HttpStatus.TOO_MANY_REQUESTS.value()
        || response.statusCode().is5xxServerError()) {
      Optional<Duration> retryAfter =
          RetryAfter.of(response.headers().asHttpHeaders(), clock.instant(), LONGEST_RETRY_AFTER);
      return response
          .releaseBody()
          .then(Mono.error(new CallFailure.Unavailable(service, status, retryAfter)));
    }
    return response
        .bodyToMono(String.class)
        .defaultIfEmpty("")
        .flatMap(body -> Mono.error(new CallFailure.Refused(service, status, excerpt(body))));
  }

  private Count count(CountAnswer answer) {
    if (answer.total() == null || answer.createdSince() == null) {
      throw new CallFailure.NotACount(service, "total or createdSince is missing", null);
    }
    try {
      return new Count(answer.total(), answer.createdSince());
    } catch (IllegalArgumentException e) {
      throw new CallFailure.NotACount(service, e.getMessage(), e);
    }
  }

  private static String excerpt(String body) {
    return body.length() <= MAX_BODY_IN_MESSAGE
        ? body
        : body.substring(0, MAX_BODY_IN_MESSAGE) + "…";
  }
}
