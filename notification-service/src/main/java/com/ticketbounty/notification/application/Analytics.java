package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.TrackedEvent;

/**
 * Records a product event with the analytics collector (Segment-style {@code track}, DESIGN.md §9).
 * The collector drops a repeated {@link TrackedEvent#messageId()}, so a retried step counts once.
 */
public interface Analytics {
  /**
   * @throws ProviderRejectedException when the collector refuses the event for good
   * @throws ProviderUnavailableException when it could not be recorded now
   */
  void track(TrackedEvent event);
}
