package com.ticketbounty.bench.driver;

import java.time.Instant;

public final class Clocks {
  private Clocks() {}

  /** The wall clock in epoch microseconds, as the subjects stamp their completions. */
  public static long wallMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  public static void sleepUntilMicros(long wallMicros) throws InterruptedException {
    long wait = wallMicros - wallMicros();
    if (wait > 0) {
      Thread.sleep(wait / 1_000, (int) (wait % 1_000) * 1_000);
    }
  }
}
