package com.ticketbounty.eventruntime.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A request to lease due runs: queued, sleeping or waiting runs whose due time has come, and
 * running runs whose lease has expired (their worker died).
 *
 * @param functions the ids of the functions this instance can execute: runs of any other function
 *     are left for an instance that knows it (during a rolling deploy, an old instance must not
 *     fail the runs of a function only the new version has)
 * @param limits per function id, the most runs with one concurrency key leased at once; runs over
 *     the limit stay due and are skipped, while runs of other keys are claimed
 */
public record Claim(
    String owner, Duration leaseFor, int max, Set<String> functions, Map<String, Integer> limits) {
  public Claim {
    functions = Set.copyOf(functions);
    limits = Map.copyOf(limits);
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    if (!functions.containsAll(limits.keySet())) {
      throw new IllegalArgumentException("a limited function must be one of the functions");
    }
  }
}
