package com.ticketbounty.bench.subject;

import com.ticketbounty.eventruntime.EventType;

/**
 * The event every subject is triggered by. The driver writes it by hand in event-runtime's wire
 * format (the same bytes for every subject); {@code seq} names it to the driver, which knows when
 * it was meant to be sent.
 */
@EventType(name = RunRequested.NAME, version = "1.0")
public record RunRequested(long seq, long sentAtMicros) {
  public static final String NAME = "bench/run.requested";
}
