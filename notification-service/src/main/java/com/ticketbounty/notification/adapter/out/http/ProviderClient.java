package com.ticketbounty.notification.adapter.out.http;

import com.ticketbounty.notification.application.ProviderRejectedException;
import com.ticketbounty.serviceweb.client.RetryAfter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Posts JSON to one provider endpoint, the one way every provider adapter calls out (DESIGN.md §9).
 *
 * <p>Each call is bounded by a time limiter and guarded by a circuit breaker named after the
 * provider: while the provider keeps failing, calls fail at once instead of holding a worker thread
 * for the whole timeout. A 4xx other than 408/429 means this request is wrong and sending it again
 * cannot help: it becomes the port's rejected exception and does not count towards opening the
 * circuit, since it says nothing of the provider's health. Everything else — 408, 429, 5xx, a
 * timeout, a connection error, the open circuit — becomes the port's unavailable exception, with
 * the provider's {@code Retry-After} when it sent one. The open circuit's own "retry after" is the
 * time it has left to stay open: a step that tried sooner would only be refused again, and every
 * refusal costs it one of its attempts, so a provider outage longer than the backoff would end the
 * run although the provider comes back (the fault suite's fault 6, docs/reliability.md).
 *
 * <p>No exception made here carries the URL (nor Spring's exceptions, whose messages do): for a
 * webhook the URL is the credential, and these messages end up in logs, runs and failure events.
 *
 * <p>{@link #post} blocks: it is called on the event runtime's worker threads, never on an event
 * loop.
 */
final class ProviderClient {
  /**
   * The longest wait a provider's {@code Retry-After} may ask for: the step's retry is a durable
   * timer, and a typo or a date years ahead must not park a run beyond what anyone would wait.
   */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

  private static final int MAX_REASON_LENGTH = 300;

  private final ProviderEndpoint endpoint;
  private final WebClient web;
  private final ProviderFailures failures;
  private final Clock clock;
  private final TimeLimiter timeLimiter;
  private final CircuitBreaker circuitBreaker;
  private final Duration openFor;
  // When the circuit last opened, set by the breaker's transition event.
  private volatile Instant openedAt = Instant.EPOCH;

  ProviderClient(
      ProviderEndpoint endpoint,
      WebClient web,
      ProviderFailures failures,
      Clock clock,
      CircuitBreakerConfig circuitBreaker) {
    this.endpoint = endpoint;
    this.web = web;
    this.failures = failures;
    this.clock = clock;
    this.timeLimiter =
        TimeLimiter.of(
            endpoint.provider(),
            TimeLimiterConfig.custom().timeoutDuration(endpoint.timeout()).build());
    // The breaker reads the same clock, so that what it decides and what circuitOpen says agree.
    this.circuitBreaker =
        CircuitBreaker.of(
            endpoint.provider(), CircuitBreakerConfig.from(circuitBreaker).clock(clock).build());
    this.openFor = Duration.ofMillis(circuitBreaker.getWaitIntervalFunctionInOpenState().apply(1));
    this.circuitBreaker
        .getEventPublisher()
        .onStateTransition(
            transition -> {
              if (transition.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
              }
            });
  }

  /** A client with {@link #circuitBreakerConfig()}. */
  static ProviderClient create(
      ProviderEndpoint endpoint, WebClient.Builder web, ProviderFailures failures, Clock clock) {
    return new ProviderClient(
        endpoint, web.clone().build(), failures, clock, circuitBreakerConfig());
  }

  /**
   * Opens when half of the last 10 calls (at least 5) failed, and lets a trial call through after
   * 30 s.
   */
  static CircuitBreakerConfig circuitBreakerConfig() {
    return CircuitBreakerConfig.custom()
        .slidingWindowSize(10)
        .minimumNumberOfCalls(5)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(30))
        .ignoreExceptions(ProviderRejectedException.class)
        .build();
  }

  /**
   * Posts {@code body} as JSON and waits for a 2xx.
   *
   * @param headers adds the provider's own headers (authorization, idempotency key)
   * @throws ProviderRejectedException (the port's subclass) when the provider refuses it for good
   * @throws com.ticketbounty.notification.application.ProviderUnavailableException (the port's
   *     subclass) when it could not be delivered now
   */
  void post(Object body, Consumer<HttpHeaders> headers) {
    web.post()
        .uri(endpoint.uri())
        .headers(headers)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .retrieve()
        .toBodilessEntity()
        .transformDeferred(TimeLimiterOperator.of(timeLimiter))
        .onErrorMap(this::classify)
        .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
        .onErrorMap(CallNotPermittedException.class, this::circuitOpen)
        .block();
  }

  private RuntimeException classify(Throwable failure) {
    String provider = endpoint.provider();
    if (failure instanceof WebClientResponseException answer) {
      int status = answer.getStatusCode().value();
      String reason = "the %s provider answered %d: %s".formatted(provider, status, body(answer));
      return isPermanent(status)
          ? failures.rejected().create(reason, null)
          : failures
              .unavailable()
              .create(
                  reason,
                  RetryAfter.of(answer.getHeaders(), clock.instant(), LONGEST_RETRY_AFTER)
                      .orElse(null),
                  null);
    }
    if (failure instanceof TimeoutException) {
      return failures
          .unavailable()
          .create(
              "the %s provider did not answer within %s".formatted(provider, endpoint.timeout()),
              null,
              failure);
    }
    // Spring's request exception names the URL; the connection error beneath it names the host.
    Throwable cause =
        failure instanceof WebClientRequestException request
            ? request.getMostSpecificCause()
            : failure;
    return failures
        .unavailable()
        .create("the %s provider call failed: %s".formatted(provider, cause), null, cause);
  }

  private RuntimeException circuitOpen(CallNotPermittedException open) {
    return failures
        .unavailable()
        .create(
            "the %s provider's circuit is open: it failed too often lately"
                .formatted(endpoint.provider()),
            untilTrialCalls(),
            open);
  }

  /**
   * How long until a call may be let through again: while open, what is left of its open time and a
   * second more (the breaker admits a call only after that time, never at it); while half-open with
   * every trial call taken, one call's time limit, by which the trials have answered.
   */
  private Duration untilTrialCalls() {
    if (circuitBreaker.getState() != CircuitBreaker.State.OPEN) {
      return endpoint.timeout();
    }
    // A call racing the transition may see the circuit open before openedAt is set: then the
    // whole open time is what is left.
    Duration left = Duration.between(clock.instant(), openedAt.plus(openFor));
    return (left.isNegative() || left.compareTo(openFor) > 0 ? openFor : left).plusSeconds(1);
  }

  /** A 4xx means this request is wrong, except 408 and 429, which ask us to come back later. */
  private static boolean isPermanent(int status) {
    return status >= 400
        && status < 500
        && status != HttpStatus.REQUEST_TIMEOUT.value()
        && status != HttpStatus.TOO_MANY_REQUESTS.value();
  }

  private static String body(WebClientResponseException answer) {
    String body = answer.getResponseBodyAsString();
    return body.length() <= MAX_REASON_LENGTH ? body : body.substring(0, MAX_REASON_LENGTH) + "…";
  }
}
