package com.ticketbounty.bench.driver;

import org.jspecify.annotations.Nullable;

/**
 * One open-loop HTTP phase at one offered rate against one target. {@code completed} counts the
 * requests whose completion was seen (the answer, or for a ticket its confirmation e-mail at the
 * stub); {@code failed} the requests answered with another status or not at all. Latency and
 * completed/s as in {@link PhaseResult}: events scheduled inside the window, completions inside it.
 */
public record HttpPhase(
    String target,
    double offeredPerSecond,
    double windowSeconds,
    long sent,
    long completed,
    long failed,
    long duplicates,
    long windowEvents,
    double completedPerSecond,
    double p50Ms,
    double p99Ms,
    double p999Ms,
    double maxMs,
    boolean latencyAtLeast,
    @Nullable String error) {

  static HttpPhase failed(String target, double rate, String error) {
    return new HttpPhase(target, rate, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, error);
  }

  public boolean ok() {
    return error == null;
  }

  /** Sent but neither completed nor failed when the drain ended. */
  public long unfinished() {
    return sent - completed - failed;
  }
}
