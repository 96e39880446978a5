package com.ticketbounty.eventruntime.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A {@code waitForEvent} registration; removed when its step is written with any other status.
 *
 * @param match the CEL expression over {@code event} (the run's trigger) and {@code async}
 * @param correlation what the match demands of the awaited event, found when the wait was
 *     registered; null when the match has no such equality (or the wait was written by a version
 *     that did not look), and then every event of the name is a candidate, as before
 */
public record WaitRecord(
    ParentStep step,
    String eventName,
    String match,
    Instant timeoutAt,
    @Nullable Correlation correlation) {

  /** A wait every event of its name is a candidate for. */
  public WaitRecord(ParentStep step, String eventName, String match, Instant timeoutAt) {
    this(step, eventName, match, timeoutAt, null);
  }
}
