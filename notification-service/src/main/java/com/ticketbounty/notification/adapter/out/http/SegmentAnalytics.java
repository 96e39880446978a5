package com.ticketbounty.notification.adapter.out.http;

import com.ticketbounty.notification.application.Analytics;
import com.ticketbounty.notification.domain.TrackedEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Tracks events with a Segment-style collector (DESIGN.md §9): {@code POST
 * <ANALYTICS_BASE_URL>/v1/track} with {@code {event, userId, properties, messageId, timestamp}}.
 * The collector drops a repeated {@code messageId}, so a retried step counts once. Time limit,
 * circuit breaker ({@code analytics}) and error mapping are {@link ProviderClient}'s.
 */
public final class SegmentAnalytics implements Analytics {
  /** The provider's name in messages and the name of its circuit breaker. */
  public static final String PROVIDER = "analytics";

  private final ProviderClient collector;

  SegmentAnalytics(ProviderClient collector) {
    this.collector = collector;
  }

  public static SegmentAnalytics create(
      WebClient.Builder webClient, String baseUrl, Duration timeout, Clock clock) {
    return new SegmentAnalytics(
        ProviderClient.create(
            ProviderEndpoint.under(PROVIDER, baseUrl, "/v1/track", timeout),
            webClient,
            ProviderFailures.PROVIDER,
            clock));
  }

  @Override
  public void track(TrackedEvent event) {
    collector.post(Track.of(event), headers -> {});
  }

  /**
   * The {@code track} payload; {@code timestamp} as ISO-8601 text, whatever the JSON mapper's date
   * settings.
   */
  record Track(
      String event,
      String userId,
      Map<String, Object> properties,
      String messageId,
      String timestamp) {
    static Track of(TrackedEvent event) {
      return new Track(
          event.event(),
          event.userId(),
          event.properties(),
          event.messageId(),
          event.timestamp().toString());
    }
  }
}
