package com.ticketbounty.eventruntime.rabbitmq;

import java.time.Duration;

/**
 * A pause that doubles with each failure in a row, from {@code first} up to {@code max}: a short
 * blip costs one pause, an outage of hours one attempt (and one log line) per {@code max}.
 */
record Backoff(Duration first, Duration max) {
  private static final Duration LONGEST = Duration.ofMinutes(1);

  /** From the recovery interval, doubling up to a minute (or the interval, if that is longer). */
  static Backoff from(Duration recoveryInterval) {
    return new Backoff(
        recoveryInterval, recoveryInterval.compareTo(LONGEST) > 0 ? recoveryInterval : LONGEST);
  }

  /** The pause after {@code failures} failures in a row (the first failure waits {@code first}). */
  Duration after(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 20);
    Duration pause = first.multipliedBy(1L << doublings);
    return pause.compareTo(max) > 0 ? max : pause;
  }
}
