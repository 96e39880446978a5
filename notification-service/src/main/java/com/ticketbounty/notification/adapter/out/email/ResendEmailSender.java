package com.ticketbounty.notification.adapter.out.email;

import com.ticketbounty.notification.application.EmailNotSentException;
import com.ticketbounty.notification.application.EmailRejectedException;
import com.ticketbounty.notification.application.EmailSender;
import com.ticketbounty.notification.domain.Email;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Sends e-mails through a Resend-compatible API (DESIGN.md §9): {@code POST <base>/emails} with a
 * bearer key and an {@code Idempotency-Key}, so that the provider sends one e-mail per key however
 * often a redelivered event makes us call it.
 *
 * <p>Each call is bounded by a time limiter and guarded by a circuit breaker: while the provider
 * keeps failing, calls fail at once instead of holding a worker thread for the whole timeout. A
 * rejection (4xx other than 408/429) says nothing about the provider's health, so it does not count
 * towards opening the circuit.
 *
 * <p>{@link #send} blocks: it is called on the event runtime's worker threads, never on an event
 * loop.
 */
public final class ResendEmailSender implements EmailSender {
  private static final int MAX_REASON_LENGTH = 300;

  private final WebClient provider;
  private final String apiKey;
  private final TimeLimiter timeLimiter;
  private final CircuitBreaker circuitBreaker;

  public ResendEmailSender(
      WebClient provider, String apiKey, TimeLimiter timeLimiter, CircuitBreaker circuitBreaker) {
    this.provider = provider;
    this.apiKey = apiKey;
    this.timeLimiter = timeLimiter;
    this.circuitBreaker = circuitBreaker;
  }

  /** A sender with the default time limit and circuit breaker for {@code settings}. */
  public static ResendEmailSender create(WebClient.Builder webClient, ResendSettings settings) {
    return new ResendEmailSender(
        webClient.clone().baseUrl(settings.baseUrl()).build(),
        settings.apiKey(),
        TimeLimiter.of(
            "email-provider",
            TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).build()),
        CircuitBreaker.of("email-provider", circuitBreakerConfig()));
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
        .ignoreExceptions(EmailRejectedException.class)
        .build();
  }

  @Override
  public void send(Email email, String idempotencyKey) {
    provider
        .post()
        .uri("/emails")
        .headers(
            headers -> {
              if (!apiKey.isBlank()) {
                headers.setBearerAuth(apiKey);
              }
              headers.set("Idempotency-Key", idempotencyKey);
            })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ResendRequest.of(email))
        .retrieve()
        .toBodilessEntity()
        .transformDeferred(TimeLimiterOperator.of(timeLimiter))
        .onErrorMap(this::classify)
        .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
        .onErrorMap(
            CallNotPermittedException.class,
            e -> new EmailNotSentException("e-mail provider circuit is open", e))
        .block();
  }

  private RuntimeException classify(Throwable failure) {
    if (failure instanceof WebClientResponseException response) {
      String reason =
          "e-mail provider answered " + response.getStatusCode().value() + ": " + body(response);
      return isPermanent(response)
          ? new EmailRejectedException(reason, failure)
          : new EmailNotSentException(reason, failure);
    }
    if (failure instanceof TimeoutException) {
      return new EmailNotSentException(
          "e-mail provider did not answer within "
              + timeLimiter.getTimeLimiterConfig().getTimeoutDuration(),
          failure);
    }
    return new EmailNotSentException("e-mail provider call failed: " + failure, failure);
  }

  /** A 4xx means this request is wrong, except 408 and 429, which ask us to come back later. */
  private static boolean isPermanent(WebClientResponseException response) {
    int status = response.getStatusCode().value();
    return response.getStatusCode().is4xxClientError()
        && status != HttpStatus.REQUEST_TIMEOUT.value()
        && status != HttpStatus.TOO_MANY_REQUESTS.value();
  }

  private static String body(WebClientResponseException response) {
    String body = response.getResponseBodyAsString();
    return body.length() <= MAX_REASON_LENGTH ? body : body.substring(0, MAX_REASON_LENGTH) + "…";
  }
}
