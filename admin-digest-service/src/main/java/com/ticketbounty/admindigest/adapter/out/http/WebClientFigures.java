package com.ticketbounty.admindigest.adapter.out.http;

import com.ticketbounty.admindigest.application.Figures;
import com.ticketbounty.admindigest.application.FiguresRefusedException;
import com.ticketbounty.admindigest.application.FiguresUnavailableException;
import com.ticketbounty.admindigest.domain.Count;
import com.ticketbounty.admindigest.domain.Counted;
import com.ticketbounty.serviceweb.client.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The figures, asked of the services that own them (agreements of issue 11): {@code GET
 * /internal/identity/accounts/count}, {@code /internal/tickets/count} and {@code
 * /internal/comments/count}, each with {@code ?since=<instant>} and this service's service token.
 *
 * <p>Each owner has its own circuit breaker, retry and time limit, so one failing service never
 * holds up or opens the circuit of another. A call that could not connect, timed out, or got a 408,
 * 429 or 5xx is made again after a short backoff; a 401 drops the token and asks again with a fresh
 * one. An answer with {@code Retry-After} is not asked again here: the owner said when, and the
 * step waits that long. What still fails is {@link FiguresUnavailableException} — the step's
 * attempt fails and the runtime tries the step again later — while a 4xx other than 401, 408 and
 * 429, or an answer that is not a count, is {@link FiguresRefusedException}. The breaker counts
 * only what speaks of an owner's health (no connection, no answer in time, 408, 429, 5xx), never a
 * refusal.
 *
 * <p>{@link #count} blocks: it runs in a step body, on the runtime's step threads.
 */
public final class WebClientFigures implements Figures {
  private final Map<Counted, CountEndpoint> endpoints;
  private final ServiceTokens tokens;
  private final AttemptSettings attempts;

  private WebClientFigures(
      Map<Counted, CountEndpoint> endpoints, ServiceTokens tokens, AttemptSettings attempts) {
    this.endpoints = Map.copyOf(endpoints);
    this.tokens = tokens;
    this.attempts = attempts;
  }

  public static WebClientFigures create(
      WebClient.Builder webClient,
      ServiceTokens tokens,
      OwnerUrls urls,
      AttemptSettings attempts,
      BreakerSettings breakers,
      Clock clock) {
    Map<Counted, CountEndpoint> endpoints = new EnumMap<>(Counted.class);
    endpoints.put(
        Counted.USERS,
        endpoint(
            "identity-service",
            "/internal/identity/accounts/count",
            webClient.clone().baseUrl(urls.identity()).build(),
            attempts,
            breakers,
            clock));
    endpoints.put(
        Counted.TICKETS,
        endpoint(
            "ticket-service",
            "/internal/tickets/count",
            webClient.clone().baseUrl(urls.tickets()).build(),
            attempts,
            breakers,
            clock));
    endpoints.put(
        Counted.COMMENTS,
        endpoint(
            "comment-service",
            "/internal/comments/count",
            webClient.clone().baseUrl(urls.comments()).build(),
            attempts,
            breakers,
            clock));
    return new WebClientFigures(endpoints, tokens, attempts);
  }

  private static CountEndpoint endpoint(
      String service,
      String path,
      WebClient client,
      AttemptSettings attempts,
      BreakerSettings breakers,
      Clock clock) {
    CircuitBreaker breaker =
        CircuitBreaker.of(
            service,
            CircuitBreakerConfig.custom()
                .failureRateThreshold(breakers.failureRate())
                .slidingWindowSize(breakers.window())
                .minimumNumberOfCalls(Math.max(1, breakers.window() / 2))
                .waitDurationInOpenState(breakers.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(WebClientFigures::speaksOfHealth)
                .build());
    Retry retry =
        Retry.of(
            service,
            RetryConfig.custom()
                .maxAttempts(attempts.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(attempts.backoff(), 2))
                .retryOnException(WebClientFigures::worthAnotherCall)
                .build());
    TimeLimiter timeLimiter =
        TimeLimiter.of(
            service, TimeLimiterConfig.custom().timeoutDuration(attempts.timeout()).build());
    return new CountEndpoint(
        service, path, client, new CountEndpoint.Guards(breaker, retry, timeLimiter), clock);
  }

  @Override
  public Count count(Counted what, Instant since) {
    CountEndpoint endpoint = Objects.requireNonNull(endpoints.get(what), what.name());
    return Objects.requireNonNull(
        endpoint
            .count(since, tokens)
            .onErrorMap(failure -> translate(endpoint.service(), failure))
            .block());
  }

  /** The state of the circuit breaker of the service that owns {@code what}. */
  public CircuitBreaker.State circuit(Counted what) {
    return Objects.requireNonNull(endpoints.get(what), what.name()).breaker().getState();
  }

  /** No connection, no answer in time, or the owner saying it cannot answer now. */
  static boolean speaksOfHealth(Throwable failure) {
    return failure instanceof WebClientRequestException
        || failure instanceof TimeoutException
        || failure instanceof CallFailure.Unavailable;
  }

  /** Worth asking again at once: transient, and the owner did not say when to come back. */
  static boolean worthAnotherCall(Throwable failure) {
    if (failure instanceof CallFailure.Unavailable unavailable) {
      return unavailable.retryAfter().isEmpty();
    }
    return failure instanceof WebClientRequestException
        || failure instanceof TimeoutException
        || failure instanceof CallFailure.TokenRefused
        || failure instanceof CallFailure.NoToken;
  }

  private RuntimeException translate(String service, Throwable failure) {
    if (failure instanceof CallFailure.Refused || failure instanceof CallFailure.NotACount) {
      return new FiguresRefusedException(failure.getMessage(), failure);
    }
    if (failure instanceof CallFailure.Unavailable unavailable) {
      return new FiguresUnavailableException(
          failure.getMessage(), unavailable.retryAfter().orElse(null), failure);
    }
    if (failure instanceof CallNotPermittedException) {
      return new FiguresUnavailableException(
          service + " keeps failing: its circuit breaker is open, so it was not asked",
          null,
          failure);
    }
    if (failure instanceof TimeoutException) {
      return new FiguresUnavailableException(
          "%s did not answer within %s".formatted(service, attempts.timeout()), null, failure);
    }
    return new FiguresUnavailableException(
        "%s could not be asked: %s".formatted(service, failure.getMessage()), null, failure);
  }
}
