package com.ticketbounty.identity.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The system clock plus an offset that a test moves forward (never back: other tests share the
 * service, and tokens it signs must not be older than real time says). A test that needs the time
 * between two steps to be exactly what it says freezes the clock, advances it, and resumes it.
 */
final class MutableClock extends Clock {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private final AtomicReference<@Nullable Instant> frozen = new AtomicReference<>();

  void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    offset.updateAndGet(current -> current.plus(by));
    frozen.updateAndGet(at -> at == null ? null : at.plus(by));
  }

  /** Stops the clock where it is: until {@link #resume()}, only {@link #advance} moves it. */
  void freeze() {
    frozen.set(instant());
  }

  /**
   * Lets the clock run again. Real time has passed meanwhile and the offset holds every advance, so
   * it goes on from no earlier than where it stood.
   */
  void resume() {
    frozen.set(null);
  }

  @Override
  public Instant instant() {
    Instant at = frozen.get();
    return at != null ? at : Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
