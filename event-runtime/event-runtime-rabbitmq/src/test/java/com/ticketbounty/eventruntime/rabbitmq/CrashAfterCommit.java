package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StoredEvent;
import com.ticketbounty.eventruntime.spi.WaitRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The run store of a {@link CrashPointWorker} that crashes right after the commit recording step
 * {@code stepKey} as completed has returned: the memo is durable, nothing after it has happened.
 */
final class CrashAfterCommit implements RunStore {
  private final RunStore store;
  private final String stepKey;
  private final Runnable crash;

  CrashAfterCommit(RunStore store, String stepKey, Runnable crash) {
    this.store = store;
    this.stepKey = stepKey;
    this.crash = crash;
  }

  @Override
  public Set<UUID> commit(List<Commit> commits) {
    Set<UUID> applied = store.commit(commits);
    boolean recorded =
        commits.stream()
            .filter(commit -> applied.contains(commit.lease().runId()))
            .flatMap(commit -> commit.steps().stream())
            .anyMatch(s -> s.key().equals(stepKey) && s.status() == StepStatus.COMPLETED);
    if (recorded) {
      crash.run();
    }
    return applied;
  }

  @Override
  public Instant now() {
    return store.now();
  }

  @Override
  public List<RunRecord> createRuns(List<NewRun> runs) {
    return store.createRuns(runs);
  }

  @Override
  public List<RunRecord> claim(Claim claim) {
    return store.claim(claim);
  }

  @Override
  public void renew(String owner, Collection<UUID> runIds, Duration leaseFor) {
    store.renew(owner, runIds, leaseFor);
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
  public void storeEvents(List<StoredEvent> events) {
    store.storeEvents(events);
  }

  @Override
  public List<StoredEvent> events(String name, Instant since) {
    return store.events(name, since);
  }

  @Override
  public List<WaitRecord> waits(String eventName) {
    return store.waits(eventName);
  }

  @Override
  public Set<ParentStep> resolve(List<Resolution> resolutions) {
    return store.resolve(resolutions);
  }

  @Override
  public boolean replay(UUID runId, String fromStepKey) {
    return store.replay(runId, fromStepKey);
  }

  @Override
  public boolean cancel(UUID runId) {
    return store.cancel(runId);
  }

  @Override
  public Optional<RunRecord> startCronTick(Instant tick, NewRun run) {
    return store.startCronTick(tick, run);
  }

  @Override
  public Instant cronDeployedAt(String functionId) {
    return store.cronDeployedAt(functionId);
  }
}
