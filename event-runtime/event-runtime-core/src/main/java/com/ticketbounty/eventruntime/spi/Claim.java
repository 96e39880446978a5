package com.ticketbounty.eventruntime.spi;

import java.time.Duration;
import java.util.Map;

/**
 * A request to lease due runs: queued, sleeping or waiting runs whose due time has come, and
 * running runs whose lease has expired (their worker died).
 *
 * @param limits per function id, the most runs with one concurrency key leased at once; runs over
 *     the limit stay due and are skipped, while runs of other keys are claimed
 */
public record Claim(String owner, Duration leaseFor, int max, Map<String, Integer> limits) {
  public Claim {
    limits = Map.copyOf(limits);
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
  }
}
