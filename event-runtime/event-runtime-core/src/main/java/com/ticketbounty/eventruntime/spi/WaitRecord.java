package com.ticketbounty.eventruntime.spi;

import java.time.Instant;

/**
 * A {@code waitForEvent} registration; removed when its step is written with any other status.
 *
 * @param match the CEL expression over {@code event} (the run's trigger) and {@code async}
 */
public record WaitRecord(ParentStep step, String eventName, String match, Instant timeoutAt) {}
