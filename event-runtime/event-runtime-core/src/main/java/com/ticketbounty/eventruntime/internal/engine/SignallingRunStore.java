package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.ForwardingRunStore;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.Replay;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spi.RunUpdate;
import java.time.Duration;
import java.time.Instant;
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
final class SignallingRunStore extends ForwardingRunStore {
  private final DueTimes due;

  SignallingRunStore(RunStore store, DueTimes due) {
    super(store);
    this.due = due;
  }

  @Override
  public Instant now() {
    Instant now = super.now();
    due.storeClock(now);
    return now;
  }

  @Override
  public List<RunRecord> createRuns(List<NewRun> runs) {
    List<RunRecord> created = super.createRuns(runs);
    if (created.stream().anyMatch(run -> run.status() == RunStatus.QUEUED)) {
      due.dueNow();
    }
    return created;
  }

  /** Runs created leased are not due: their first attempt starts here, so there is no wake. */
  @Override
  public List<RunRecord> createLeasedRuns(List<NewRun> runs, String owner, Duration leaseFor) {
    List<RunRecord> leased = super.createLeasedRuns(runs, owner, leaseFor);
    readClock(leased, leaseFor);
    return leased;
  }

  @Override
  public List<RunRecord> claim(Claim claim) {
    List<RunRecord> claimed = super.claim(claim);
    readClock(claimed, claim.leaseFor());
    return claimed;
  }

  /** A lease's expiry less its length is the store's time when it was taken. */
  private void readClock(List<RunRecord> leased, Duration leaseFor) {
    leased.stream()
        .map(RunRecord::leaseExpiresAt)
        .filter(expiry -> expiry != null)
        .max(Instant::compareTo)
        .ifPresent(expiry -> due.storeClock(expiry.minus(leaseFor)));
  }

  @Override
  public Set<UUID> commit(List<Commit> commits) {
    Set<UUID> applied = super.commit(commits);
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
  public void deferWait(ParentStep step, Instant dueAt) {
    super.deferWait(step, dueAt);
    due.dueAt(dueAt);
  }

  @Override
  public Set<ParentStep> resolve(List<Resolution> resolutions) {
    Set<ParentStep> resolved = super.resolve(resolutions);
    if (!resolved.isEmpty()) {
      due.dueNow();
    }
    return resolved;
  }

  @Override
  public boolean replay(List<Replay> replays) {
    boolean replayed = super.replay(replays);
    if (replayed) {
      due.dueNow();
    }
    return replayed;
  }

  /** A cancel may fail the step of the run that invoked it, which is then due. */
  @Override
  public boolean cancel(UUID runId, String invokerMemo) {
    boolean cancelled = super.cancel(runId, invokerMemo);
    if (cancelled) {
      due.dueNow();
    }
    return cancelled;
  }

  @Override
  public Optional<RunRecord> startCronTick(Instant tick, NewRun run) {
    Optional<RunRecord> started = super.startCronTick(tick, run);
    if (started.isPresent()) {
      due.dueNow();
    }
    return started;
  }
}
