package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due runs — no more than the worker pool has room for — and hands each to the pool for one
 * attempt. Runs whose lease expired (their worker died) are claimed like due ones, which is how a
 * dead worker's runs are resumed. The leases of attempts in flight are renewed by {@link
 * #renewLeases()}.
 */
public final class Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  private final EngineParts parts;
  private final AttemptExecutor executor;
  private final Executor workers;
  private final DueTimes due;
  // By lease, not run: a stale attempt still unwinding and a new attempt of the same run are two.
  private final Set<Lease> inFlight = ConcurrentHashMap.newKeySet();

  Scheduler(EngineParts parts, AttemptExecutor executor, Executor workers, DueTimes due) {
    this.parts = parts;
    this.executor = executor;
    this.workers = workers;
    this.due = due;
  }

  /** Whether every worker is busy: a claim now would take nothing. */
  public boolean full() {
    return inFlight.size() >= parts.settings().workers();
  }

  /**
   * Claims one batch and submits its attempts.
   *
   * @return how many runs were claimed
   */
  public int pollOnce() {
    EngineSettings settings = parts.settings();
    int room = Math.min(settings.claimBatch(), settings.workers() - inFlight.size());
    if (room <= 0) {
      return 0;
    }
    List<RunRecord> runs =
        parts
            .store()
            .claim(
                new Claim(
                    settings.workerId(),
                    settings.leaseFor(),
                    room,
                    parts.functions().ids(),
                    parts.functions().limits()));
    for (RunRecord run : runs) {
      meterConcurrencyWait(run);
      inFlight.add(run.lease());
      workers.execute(() -> attempt(run));
    }
    return runs.size();
  }

  /**
   * How long a run of a limited function waited for its slot: from when it was due to its claim,
   * both on the store's clock (the claim's time is its lease's expiry less the lease's length).
   */
  private void meterConcurrencyWait(RunRecord run) {
    if (run.leaseExpiresAt() == null || !parts.functions().limits().containsKey(run.functionId())) {
      return;
    }
    Instant claimedAt = run.leaseExpiresAt().minus(parts.settings().leaseFor());
    parts
        .telemetry()
        .meters()
        .concurrencyWait(run.functionId(), Duration.between(run.dueAt(), claimedAt));
  }

  private void attempt(RunRecord run) {
    try {
      executor.execute(run);
    } catch (RuntimeException | Error e) {
      // Nothing of the attempt's end was written: the lease expires and the run is resumed.
      LOG.error("Attempt of run {} abandoned; it resumes when its lease expires", run.id(), e);
    } finally {
      inFlight.remove(run.lease());
      if (parts.functions().limits().containsKey(run.functionId())) {
        // Its concurrency slot is free (or will be once its lease lapses): runs of its key that
        // were passed over may be claimable now.
        due.dueNow();
      }
    }
  }

  public void renewLeases() {
    if (!inFlight.isEmpty()) {
      parts.store().renew(Set.copyOf(inFlight), parts.settings().leaseFor());
    }
  }

  public int inFlight() {
    return inFlight.size();
  }
}
