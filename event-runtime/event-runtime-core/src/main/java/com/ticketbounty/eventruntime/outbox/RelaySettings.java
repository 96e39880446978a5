package com.ticketbounty.eventruntime.outbox;

import java.time.Duration;

/**
 * How the outbox relay paces itself.
 *
 * @param batchSize how many messages one reservation takes and one publish sends
 * @param pollInterval how long an idle relay waits before looking again (a local commit wakes it
 *     sooner, see {@link OutboxSignal}; other instances' commits are found by this poll)
 * @param maxBackoff the longest pause after repeated failures (broker or database down)
 * @param reserveFor how long a batch stays reserved for this relay: longer than the broker may take
 *     to confirm it (the publisher's confirm timeout), since a batch whose reservation expires
 *     before it is settled may be published again by another relay; and as short as that allows,
 *     since it is how long the batch of a relay that crashed waits before another relay takes it
 */
public record RelaySettings(
    int batchSize, Duration pollInterval, Duration maxBackoff, Duration reserveFor) {
  public static final Duration DEFAULT_RESERVATION = Duration.ofSeconds(30);
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
    if (reserveFor.isNegative() || reserveFor.isZero()) {
      throw new IllegalArgumentException("reserveFor must be positive");
    }
  }

  /** Settings that reserve each batch for {@link #DEFAULT_RESERVATION}. */
  public RelaySettings(int batchSize, Duration pollInterval, Duration maxBackoff) {
    this(batchSize, pollInterval, maxBackoff, DEFAULT_RESERVATION);
  }

  /** These settings with batches reserved for {@code reserveFor}. */
  public RelaySettings reservingFor(Duration reserveFor) {
    return new RelaySettings(batchSize, pollInterval, maxBackoff, reserveFor);
  }
}
