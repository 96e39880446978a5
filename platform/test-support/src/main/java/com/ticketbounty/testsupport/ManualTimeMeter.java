package com.ticketbounty.testsupport;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * A Bucket4j clock that moves only when a test moves it, so a rate-limit test lets a window pass
 * without waiting for it. It stands for the wall clock: the buckets of a shared store (PostgreSQL)
 * are measured by the clock every instance agrees on, and Bucket4j takes no other for them; a test
 * hands one meter to all its instances.
 */
public final class ManualTimeMeter implements TimeMeter {
  private long nanos;

  /** Moves the clock forward. */
  public synchronized void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  @Override
  public synchronized long currentTimeNanos() {
    return nanos;
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
