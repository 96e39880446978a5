package com.ticketbounty.bench.driver;

import java.time.Duration;

/**
 * How long a phase offers load before measuring (JIT, pools and caches warm up; excluded), how long
 * it measures, and how long it waits afterwards for the runs still in flight.
 */
public record Timing(Duration warmup, Duration measure, Duration drainLimit) {
  public double measureSeconds() {
    return measure.toMillis() / 1000.0;
  }
}
