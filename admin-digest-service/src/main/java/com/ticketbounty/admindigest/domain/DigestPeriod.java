package com.ticketbounty.admindigest.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The week a digest looks back on: "last 7 days" are the rows created at or after {@code start}.
 *
 * @param start seven days before {@code end}
 * @param end the cron tick the digest is prepared for
 */
public record DigestPeriod(Instant start, Instant end) {
  /** How far back "created in the last days" reaches. */
  public static final Duration LENGTH = Duration.ofDays(7);

  public DigestPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!Duration.between(start, end).equals(LENGTH)) {
      throw new IllegalArgumentException(
          "a digest period is %s long, was %s to %s".formatted(LENGTH, start, end));
    }
  }

  /** The seven days that end at {@code tick}. */
  public static DigestPeriod endingAt(Instant tick) {
    return new DigestPeriod(tick.minus(LENGTH), tick);
  }
}
