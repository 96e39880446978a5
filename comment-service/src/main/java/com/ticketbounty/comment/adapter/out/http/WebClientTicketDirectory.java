package com.ticketbounty.comment.adapter.out.http;

import com.ticketbounty.comment.application.TicketDirectory;
import com.ticketbounty.comment.application.TicketsUnavailableException;
import com.ticketbounty.comment.domain.KnownTicket;
import com.ticketbounty.serviceweb.client.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Asks ticket-service's internal {@code GET /internal/tickets/{id}}, with comment-service's service
 * token. The token is taken (from the cache, or from identity-service with its own timeout) before
 * an attempt's clock starts, so the time limit measures ticket-service alone; a 401 forgets it.
 * Each attempt is cut off after the timeout; an attempt that could not connect, timed out or got a
 * 5xx is tried again; every attempt counts for the circuit breaker, which, once ticket-service
 * fails too often, refuses at once for a while instead of letting every post wait. Whatever fails
 * in the end is {@link TicketsUnavailableException}; a 404 is an answer (no such ticket), not a
 * failure.
 */
public final class WebClientTicketDirectory implements TicketDirectory {
  private final WebClient client;
  private final ServiceTokens tokens;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final TimeLimiter timeLimiter;

  private WebClientTicketDirectory(
      WebClient client,
      ServiceTokens tokens,
      CircuitBreaker breaker,
      Retry retry,
      TimeLimiter timeLimiter) {
    this.client = client;
    this.tokens = tokens;
    this.breaker = breaker;
    this.retry = retry;
    this.timeLimiter = timeLimiter;
  }

  /**
   * @param client a client with ticket-service's base URL
   * @param tokens comment-service's service tokens
   * @param attempts attempts per lookup, the first included
   * @param backoff the pause before the second attempt, doubling for each further one
   */
  public static WebClientTicketDirectory create(
      WebClient client,
      ServiceTokens tokens,
      CircuitBreaker breaker,
      Duration timeout,
      int attempts,
      Duration backoff) {
    Retry retry =
        Retry.of(
            "ticket-service",
            RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2))
                .retryOnException(WebClientTicketDirectory::isTransient)
                .build());
    TimeLimiter timeLimiter =
        TimeLimiter.of(
            "ticket-service", TimeLimiterConfig.custom().timeoutDuration(timeout).build());
    return new WebClientTicketDirectory(client, tokens, breaker, retry, timeLimiter);
  }

  @Override
  public Mono<KnownTicket> lookUp(UUID ticketId) {
    return tokens
        .token()
        .flatMap(token -> ask(ticketId, token))
        .transformDeferred(CircuitBreakerOperator.of(breaker))
        .transformDeferred(RetryOperator.of(retry))
        .onErrorMap(
            error -> new TicketsUnavailableException("ticket-service did not answer", error));
  }

  private Mono<KnownTicket> ask(UUID ticketId, String token) {
    return client
        .get()
        .uri("/internal/tickets/{id}", ticketId)
        .headers(headers -> headers.setBearerAuth(token))
        .accept(MediaType.APPLICATION_JSON)
        .exchangeToMono(response -> read(ticketId, response))
        .transformDeferred(TimeLimiterOperator.of(timeLimiter));
  }

  private Mono<KnownTicket> read(UUID ticketId, ClientResponse response) {
    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
      return response.releaseBody().then(Mono.empty());
    }
    if (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
      return response
          .releaseBody()
          .then(tokens.forget())
          .then(Mono.error(new UnexpectedAnswer(response.statusCode())));
    }
    if (response.statusCode().is5xxServerError()) {
      return response.releaseBody().then(Mono.error(new ServerFailure(response.statusCode())));
    }
    if (!response.statusCode().is2xxSuccessful()) {
      return response.releaseBody().then(Mono.error(new UnexpectedAnswer(response.statusCode())));
    }
    return response.bodyToMono(JsonNode.class).map(ticket -> known(ticketId, ticket));
  }

  private static KnownTicket known(UUID ticketId, JsonNode ticket) {
    String owner = ticket.path("ownerId").asString("");
    try {
      return KnownTicket.unversioned(ticketId, UUID.fromString(owner));
    } catch (IllegalArgumentException e) {
      throw new UnexpectedAnswer("a ticket without an owner id: '" + owner + "'");
    }
  }

  /** Worth another attempt: no connection, no answer in time, or a server error. */
  static boolean isTransient(Throwable error) {
    return error instanceof WebClientRequestException
        || error instanceof TimeoutException
        || error instanceof ServerFailure;
  }

  private static final class ServerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ServerFailure(Object status) {
      super("ticket-service answered " + status);
    }
  }

  private static final class UnexpectedAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnexpectedAnswer(Object what) {
      super("ticket-service answered unexpectedly: " + what);
    }
  }
}
