package com.ticketbounty.reliability.soak;

import java.time.Duration;

/**
 * How long the soak offers load, at what rate (requests per second through the gateway, open loop),
 * how often it samples, and how many accounts it signs up before the load starts: {@code accounts}
 * open tickets and comment, {@code passwordChangers} change their passwords in turn.
 */
public record SoakOptions(
    Duration length, double rate, Duration samplePeriod, int accounts, int passwordChangers) {

  public SoakOptions {
    if (length.compareTo(samplePeriod) < 0 || rate <= 0 || accounts < 1 || passwordChangers < 1) {
      throw new IllegalArgumentException(
          "a soak of at least one sample period, at a positive rate");
    }
  }

  /**
   * The command's soak: {@code minutes} at {@code rate}, sampled every 15 s. Sixty password
   * changers: while start-up makes a change and its sign-in take up to 50 s (Argon2 on cold JITs
   * and 2 cores), one change a second needs that many accounts free, or the soak itself would
   * refuse changes.
   */
  public static SoakOptions of(double minutes, double rate) {
    return new SoakOptions(
        Duration.ofMillis(Math.round(minutes * 60_000)), rate, Duration.ofSeconds(15), 20, 60);
  }

  /** Samples in a floor of heap readings: a minute's worth, at least one. */
  int heapFloorSamples() {
    return (int) Math.max(1, Duration.ofMinutes(1).toMillis() / samplePeriod.toMillis());
  }

  /** Requests in the whole soak. */
  int requests() {
    return (int) Math.ceil(rate * length.toMillis() / 1000.0);
  }
}
