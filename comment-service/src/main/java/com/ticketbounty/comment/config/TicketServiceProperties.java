package com.ticketbounty.comment.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code comment-service.ticket-service.*}: how ticket-service is asked about a ticket the read
 * model does not know yet.
 *
 * @param baseUrl ticket-service's address ({@code TICKET_SERVICE_URL})
 * @param timeout how long one attempt may take
 * @param attempts attempts per lookup, the first included
 * @param backoff the pause before the second attempt, doubling after
 * @param failureRate the percentage of failed attempts among the last {@code window} that opens the
 *     circuit breaker
 * @param window how many recent attempts the breaker judges (at least half of them first)
 * @param openFor how long an open breaker refuses before letting a few attempts through again
 */
@ConfigurationProperties("comment-service.ticket-service")
public record TicketServiceProperties(
    @DefaultValue("http://127.0.0.1:8082") String baseUrl,
    @DefaultValue("2s") Duration timeout,
    @DefaultValue("3") int attempts,
    @DefaultValue("100ms") Duration backoff,
    @DefaultValue("50") float failureRate,
    @DefaultValue("10") int window,
    @DefaultValue("10s") Duration openFor) {}
