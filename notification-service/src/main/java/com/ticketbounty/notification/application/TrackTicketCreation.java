package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.TrackedEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Records a ticket's creation with the analytics collector: ids, priority and bounty, no personal
 * data. The step's key is the collector's {@code messageId}, so a retried step counts once.
 */
public final class TrackTicketCreation {
  static final String EVENT = "Ticket Created";

  private final Analytics analytics;

  public TrackTicketCreation(Analytics analytics) {
    this.analytics = analytics;
  }

  public void track(
      UUID ticketId,
      UUID ownerId,
      String priority,
      long bounty,
      Instant occurredAt,
      String stepKey) {
    analytics.track(
        new TrackedEvent(
            EVENT,
            ownerId.toString(),
            Map.of("ticketId", ticketId.toString(), "priority", priority, "bounty", bounty),
            stepKey,
            occurredAt));
  }
}
