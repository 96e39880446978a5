package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.OpenWait;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.Replay;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spi.RunUpdate;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The engine's view of its store: every call goes through unchanged, and each write that made a run
 * due tells {@link DueTimes} once it committed — the local hand-off. One place sees every such
 * write of this instance (intake, cron ticks and triggers, invoke, failure handlers, replay,
 * cancel, waits resolved by events or by an invoked run's end, sleeps, backoffs and wait timeouts),
 * so no caller has to remember to signal. It also passes on the store's clock readings.
 */
final class SignallingRunStore implements RunStore {
  private final RunStore store;
  private final DueTimes due;

  SignallingRunStore(RunStore store, DueTimes due) {
    this.store = store;
    this.due = due;
  }

  @Override
  public Instant now() {
    Instant now = store.now();
    due.storeClock(now);
    return now;
  }

  @Override
  public List<RunRecord> createRuns(List<NewRun> runs) {
    List<RunRecord> created = store.createRuns(runs);
    if (created.stream().anyMatch(run -> run.status() == RunStatus.QUEUED)) {
      due.dueNow();
    }
    return created;
  }

  @Override
  public List<RunRecord> claim(Claim claim) {
    List<RunRecord> claimed = store.claim(claim);
    claimed.stream()
        .map(RunRecord::leaseExpiresAt)
        .filter(expiry -> expiry != null)
        .max(Instant::compareTo)
        .ifPresent(expiry -> due.storeClock(expiry.minus(claim.leaseFor())));
    return claimed;
  }

  @Override
  public Set<UUID> commit(List<Commit> commits) {
    Set<UUID> applied = store.commit(commits);
    for (Commit commit : commits) {
      if (applied.contains(commit.lease().runId())) {
        signal(commit);
      }
    }
    return applied;
  }

  /** Runs it started or resumed are due now; its own run, unless ended, at its new due time. */
  private void signal(Commit commit) {
    if (!commit.newRuns().isEmpty() || !commit.resolutions().isEmpty()) {
      due.dueNow();
    }
    RunUpdate update = commit.runUpdate().orElse(null);
    if (update != null
        && update.status() != RunStatus.RUNNING
        && !update.status().finished()
        && update.dueAt() != null) {
      due.dueAt(update.dueAt());
    }
  }

  @Override
  public void renew(Collection<Lease> leases, Duration leaseFor) {
    store.renew(leases, leaseFor);
  }

  @Override
  public Optional<RunRecord> run(UUID runId) {
    return store.run(runId);
  }

  @Override
  public List<StepRecord> steps(UUID runId) {
    return store.steps(runId);
  }

  @Override
  public Set<UUID> storeEvents(List<StoredEvent> events) {
    return store.storeEvents(events);
  }

  @Override
  public List<StoredEvent> events(String name, Instant since) {
    return store.events(name, since);
  }

  @Override
  public List<OpenWait> waits(String eventName) {
    return store.waits(eventName);
  }

  @Override
  public void deferWait(ParentStep step, Instant dueAt) {
    store.deferWait(step, dueAt);
    due.dueAt(dueAt);
  }

  @Override
  public Set<ParentStep> resolve(List<Resolution> resolutions) {
    Set<ParentStep> resolved = store.resolve(resolutions);
    if (!resolved.isEmpty()) {
      due.dueNow();
    }
    return resolved;
  }

  @Override
  public boolean replay(List<Replay> replays) {
    boolean replayed = store.replay(replays);
    if (replayed) {
      due.dueNow();
    }
    return replayed;
  }

  @Override
  public List<RunRecord> invokedBy(ParentStep step) {
    return store.invokedBy(step);
  }

  /** A cancel may fail the step of the run that invoked it, which is then due. */
  @Override
  public boolean cancel(UUID runId, String invokerMemo) {
    boolean cancelled = store.cancel(runId, invokerMemo);
    if (cancelled) {
      due.dueNow();
    }
    return cancelled;
  }

  @Override
  public Optional<RunRecord> startCronTick(Instant tick, NewRun run) {
    Optional<RunRecord> started = store.startCronTick(tick, run);
    if (started.isPresent()) {
      due.dueNow();
    }
    return started;
  }

  @Override
  public Instant cronDeployedAt(String functionId) {
    return store.cronDeployedAt(functionId);
  }

  @Override
  public Subscription onDue(Runnable wake) {
    return store.onDue(wake);
  }
}
