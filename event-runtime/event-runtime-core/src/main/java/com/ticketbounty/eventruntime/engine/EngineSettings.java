package com.ticketbounty.eventruntime.engine;

import java.time.Duration;

/**
 * How one engine instance works.
 *
 * @param service the service's name, carried by {@code runtime/function.failed}
 * @param workerId this instance's lease owner name; unique per process
 * @param workers the most attempts running at once, each on a thread of the engine's pool; an
 *     attempt waiting for a step holds no connection, so this bounds the attempts in flight and the
 *     threads and memory they hold, not the database connections
 * @param leaseFor how long a claim holds a run; renewed every third of it while the attempt runs
 * @param claimBatch the most runs leased by one claim
 * @param pollInterval the longest an idle engine goes without looking for due runs: a safety net,
 *     since it is woken at once for runs made due now (by itself, or by another instance through
 *     {@code RunStore.onDue}) and at the due times it wrote; what only the poll finds is a run
 *     whose worker died (an expired lease) and a wake lost with a dropped connection
 */
public record EngineSettings(
    String service,
    String workerId,
    int workers,
    Duration leaseFor,
    int claimBatch,
    Duration pollInterval,
    Limits limits) {

  public EngineSettings {
    if (workers < 1 || claimBatch < 1) {
      throw new IllegalArgumentException("workers and claimBatch must be positive");
    }
    if (leaseFor.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("leaseFor must be at least a second");
    }
  }

  /** The most attempts at once by default: enough for steps that wait hundreds of ms. */
  public static final int DEFAULT_WORKERS = 64;

  /**
   * {@value #DEFAULT_WORKERS} workers, 30 s leases, claims of up to 100 runs, a 200 ms poll and
   * {@link Limits#DEFAULTS}.
   */
  public static EngineSettings defaults(String service, String workerId) {
    return new EngineSettings(
        service,
        workerId,
        DEFAULT_WORKERS,
        Duration.ofSeconds(30),
        100,
        Duration.ofMillis(200),
        Limits.DEFAULTS);
  }

  public EngineSettings withLimits(Limits newLimits) {
    return new EngineSettings(
        service, workerId, workers, leaseFor, claimBatch, pollInterval, newLimits);
  }
}
