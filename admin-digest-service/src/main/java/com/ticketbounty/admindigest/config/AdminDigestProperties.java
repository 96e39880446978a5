package com.ticketbounty.admindigest.config;

import com.ticketbounty.admindigest.adapter.in.events.PrepareAdminDigestFunction;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code admin-digest.*}: when the digest is prepared, where the figures are asked and how hard.
 *
 * @param schedule the digest's cron expression, five fields in UTC ({@code ADMIN_DIGEST_SCHEDULE});
 *     every midnight by default. Whatever the schedule, a digest counts the seven days before its
 *     tick. The reliability runs set it to every minute to count ticks across replicas.
 * @param services the owners' base URLs
 * @param calls one count's calls within one attempt of its step
 * @param circuitBreaker each owner's circuit breaker
 * @param steps how the runtime retries a count step whose calls all failed
 */
@ConfigurationProperties("admin-digest")
public record AdminDigestProperties(
    @DefaultValue(PrepareAdminDigestFunction.DEFAULT_SCHEDULE) String schedule,
    @DefaultValue Services services,
    @DefaultValue Calls calls,
    @DefaultValue CircuitBreaker circuitBreaker,
    @DefaultValue Steps steps) {

  /**
   * @param identityUrl identity-service ({@code IDENTITY_SERVICE_URL})
   * @param ticketUrl ticket-service ({@code TICKET_SERVICE_URL})
   * @param commentUrl comment-service ({@code COMMENT_SERVICE_URL})
   */
  public record Services(
      @DefaultValue("http://127.0.0.1:8081") String identityUrl,
      @DefaultValue("http://127.0.0.1:8082") String ticketUrl,
      @DefaultValue("http://127.0.0.1:8083") String commentUrl) {}

  /**
   * @param timeout how long one call may take
   * @param attempts calls per count, the first included
   * @param backoff the pause before the second call, doubling after
   */
  public record Calls(
      @DefaultValue("5s") Duration timeout,
      @DefaultValue("3") int attempts,
      @DefaultValue("200ms") Duration backoff) {}

  /**
   * @param failureRate the percentage of failed calls among the last {@code window} that opens it
   * @param window how many recent calls it judges (at least half of them first)
   * @param openFor how long an open breaker refuses before letting a trial call through
   */
  public record CircuitBreaker(
      @DefaultValue("50") float failureRate,
      @DefaultValue("10") int window,
      @DefaultValue("30s") Duration openFor) {}

  /**
   * The default, 12 retries from 10 s doubling to 10 minutes, keeps a count trying for 35 to 70
   * minutes (the runtime draws each wait from the upper half of its ceiling): a service restarted
   * or down for a while at midnight delays the digest instead of failing it.
   *
   * @param retries attempts of a count step after its first
   * @param initialDelay the wait before its second attempt, doubling after (with jitter)
   * @param maxDelay the longest wait between two attempts
   */
  public record Steps(
      @DefaultValue("12") int retries,
      @DefaultValue("10s") Duration initialDelay,
      @DefaultValue("10m") Duration maxDelay) {}
}
