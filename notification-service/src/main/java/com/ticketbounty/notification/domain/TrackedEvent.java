package com.ticketbounty.notification.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One analytics {@code track} call: what happened, to whom, with which properties.
 *
 * @param event the event's name, such as {@code Ticket Created}
 * @param userId the user it is about
 * @param properties flat properties (no personal data: ids, priorities, amounts)
 * @param messageId the collector's deduplication key, derived from the step's idempotency key
 * @param timestamp when it happened
 */
public record TrackedEvent(
    String event,
    String userId,
    Map<String, Object> properties,
    String messageId,
    Instant timestamp) {
  public TrackedEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(userId, "userId");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
