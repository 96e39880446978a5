package com.ticketbounty.eventruntime.outbox;

import java.time.Duration;

/**
 * How the outbox relay paces itself.
 *
 * @param batchSize how many messages one transaction claims and publishes
 * @param pollInterval how long an idle relay waits before looking again (a local commit wakes it
 *     sooner; other instances' commits are found by this poll)
 * @param maxBackoff the longest pause after repeated failures (broker or database down)
 */
public record RelaySettings(int batchSize, Duration pollInterval, Duration maxBackoff) {
  public static final RelaySettings DEFAULTS =
      new RelaySettings(100, Duration.ofMillis(500), Duration.ofSeconds(5));

  public RelaySettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    if (maxBackoff.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException("maxBackoff must not be shorter than pollInterval");
    }
  }
}
