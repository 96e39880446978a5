package com.ticketbounty.eventruntime.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link RunStore} that hands every call to another one: extend it and override the calls to
 * watch or change — the engine's own wake-up signals, or in a test a crash right after a commit or
 * a database that fails a while.
 */
public class ForwardingRunStore implements RunStore {
  private final RunStore store;

  public ForwardingRunStore(RunStore store) {
    this.store = store;
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
  public List<RunRecord> createLeasedRuns(List<NewRun> runs, String owner, Duration leaseFor) {
    return store.createLeasedRuns(runs, owner, leaseFor);
  }

  @Override
  public List<RunRecord> claim(Claim claim) {
    return store.claim(claim);
  }

  @Override
  public Set<UUID> commit(List<Commit> commits) {
    return store.commit(commits);
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
  public List<OpenWait> waits(String eventName, Set<Correlation> correlations) {
    return store.waits(eventName, correlations);
  }

  @Override
  public void deferWait(ParentStep step, Instant dueAt) {
    store.deferWait(step, dueAt);
  }

  @Override
  public Set<ParentStep> resolve(List<Resolution> resolutions) {
    return store.resolve(resolutions);
  }

  @Override
  public boolean replay(List<Replay> replays) {
    return store.replay(replays);
  }

  @Override
  public List<RunRecord> invokedBy(ParentStep step) {
    return store.invokedBy(step);
  }

  @Override
  public boolean cancel(UUID runId, String invokerMemo) {
    return store.cancel(runId, invokerMemo);
  }

  @Override
  public Optional<RunRecord> startCronTick(Instant tick, NewRun run) {
    return store.startCronTick(tick, run);
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
