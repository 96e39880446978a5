package com.ticketbounty.eventruntime.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A run as stored.
 *
 * @param dueAt when it should next be executed (for a waiting run: its timeout)
 * @param output the body's result as a versioned memo, once completed
 * @param error why it failed
 * @param takeovers how often the run was claimed after its lease expired mid-attempt: how often a
 *     worker died (or stalled) while running it
 * @param attempt how often the run was claimed; the number of the attempt its lease belongs to
 * @param executed how long its attempts have executed, all together: what its run timeout limits
 *     (time asleep, waiting or queued is not counted, nor an attempt whose end was never written)
 * @param trace the trace context the run keeps (see {@link RunTrace})
 */
public record RunRecord(
    UUID id,
    String functionId,
    UUID eventId,
    String event,
    RunStatus status,
    Instant dueAt,
    @Nullable String leaseOwner,
    @Nullable Instant leaseExpiresAt,
    @Nullable String concurrencyKey,
    @Nullable ParentStep parent,
    @Nullable String output,
    @Nullable String error,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant endedAt,
    int takeovers,
    int attempt,
    Duration executed,
    RunTrace trace) {

  public RunRecord(
      UUID id,
      String functionId,
      UUID eventId,
      String event,
      RunStatus status,
      Instant dueAt,
      @Nullable String leaseOwner,
      @Nullable Instant leaseExpiresAt,
      @Nullable String concurrencyKey,
      @Nullable ParentStep parent,
      @Nullable String output,
      @Nullable String error,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant endedAt,
      int takeovers,
      int attempt,
      Duration executed) {
    this(
        id,
        functionId,
        eventId,
        event,
        status,
        dueAt,
        leaseOwner,
        leaseExpiresAt,
        concurrencyKey,
        parent,
        output,
        error,
        createdAt,
        startedAt,
        endedAt,
        takeovers,
        attempt,
        executed,
        RunTrace.NONE);
  }

  /** The lease this run's executor holds; every write of the attempt is fenced by it. */
  public Lease lease() {
    if (leaseOwner == null) {
      throw new IllegalStateException("run " + id + " is not leased");
    }
    return new Lease(id, leaseOwner, attempt);
  }
}
