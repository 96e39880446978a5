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
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due runs — no more than the worker pool has room for — and hands each to the pool for one
 * attempt. Runs whose lease expired (their worker died) are claimed like due ones, which is how a
 * dead worker's runs are resumed. The leases of attempts in flight are renewed by {@link
 * #renewLeases()}.
 *
 * <p>The intake may also take workers, for the runs it creates already leased ({@link #reserve},
 * {@link #start}): the instance that takes an event in runs its first attempt at once, with no
 * claim between. It gets workers only while the engine claims (started, not shutting down) and
 * while no backlog may be waiting — once a claim filled all the room it had, runs may still be due,
 * and new runs queue behind them until a claim comes back with room to spare, so that a hand-off
 * never overtakes runs that were due first.
 */
public final class Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  private final EngineParts parts;
  private final AttemptExecutor executor;
  private final Executor workers;
  private final DueTimes due;
  // Workers neither running an attempt nor promised to a claim or a hand-off in progress.
  private final Semaphore free;
  // By lease, not run: a stale attempt still unwinding and a new attempt of the same run are two.
  private final Set<Lease> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean handOffs;
  // Until a claim shows otherwise, runs may be due: a hand-off would overtake them.
  private volatile boolean backlog = true;

  Scheduler(EngineParts parts, AttemptExecutor executor, Executor workers, DueTimes due) {
    this.parts = parts;
    this.executor = executor;
    this.workers = workers;
    this.due = due;
    this.free = new Semaphore(parts.settings().workers());
  }

  /** Whether every worker is busy: a claim now would take nothing. */
  public boolean full() {
    return free.availablePermits() <= 0;
  }

  /**
   * Claims one batch and submits its attempts.
   *
   * @return how many runs were claimed
   */
  public int pollOnce() {
    EngineSettings settings = parts.settings();
    int room = take(settings.claimBatch());
    if (room == 0) {
      return 0;
    }
    List<RunRecord> runs;
    try {
      runs =
          parts
              .store()
              .claim(
                  new Claim(
                      settings.workerId(),
                      settings.leaseFor(),
                      room,
                      parts.functions().ids(),
                      parts.functions().limits()));
    } catch (RuntimeException e) {
      free.release(room);
      throw e;
    }
    free.release(room - runs.size());
    backlog = runs.size() == room;
    for (RunRecord run : runs) {
      meterConcurrencyWait(run);
      submit(run);
    }
    return runs.size();
  }

  /** Whether the intake may lease runs it creates: only while the engine claims (see above). */
  void handOffs(boolean enabled) {
    handOffs = enabled;
  }

  /**
   * Takes up to {@code most} free workers for runs the intake is about to create leased; each must
   * be given back with {@link #release} or used by {@link #start}.
   *
   * @return how many it took: none while hand-offs are off or a backlog may be waiting
   */
  int reserve(int most) {
    return handOffs && !backlog ? take(most) : 0;
  }

  /** Gives back workers {@link #reserve reserved} for runs that were not created leased. */
  void release(int unused) {
    if (unused > 0) {
      free.release(unused);
    }
  }

  /** Starts the first attempts of runs the intake created leased, on workers it reserved. */
  void start(List<RunRecord> leased) {
    leased.forEach(this::submit);
  }

  private int take(int most) {
    int taken = 0;
    while (taken < most && free.tryAcquire()) {
      taken++;
    }
    return taken;
  }

  private void submit(RunRecord run) {
    inFlight.add(run.lease());
    try {
      workers.execute(() -> attempt(run));
    } catch (RuntimeException e) {
      // The pool is shut down: the run resumes elsewhere when its lease expires.
      inFlight.remove(run.lease());
      free.release();
      LOG.warn("Run {} not started: {}; it resumes when its lease expires", run.id(), e.toString());
    }
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
      free.release();
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
