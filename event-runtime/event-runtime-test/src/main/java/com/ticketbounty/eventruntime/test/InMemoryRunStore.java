package com.ticketbounty.eventruntime.test;

import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Correlation;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.OpenWait;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.Replay;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spi.RunUpdate;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import com.ticketbounty.eventruntime.spi.StoredEvent;
import com.ticketbounty.eventruntime.spi.WaitRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link RunStore} in memory, on a {@link TestClock}. Every method is atomic (synchronized),
 * which is what a database transaction gives the real store. It also keeps what tests inspect: the
 * outbox, every step write in order, and the most runs of one concurrency key ever leased at once.
 */
public final class InMemoryRunStore implements RunStore {
  private final TestClock clock;
  private final Map<UUID, RunRecord> runs = new LinkedHashMap<>();
  private final Map<String, UUID> runByFunctionEvent = new HashMap<>();
  private final Map<UUID, Map<String, StepRecord>> steps = new HashMap<>();
  private final List<StepRecord> stepLog = new ArrayList<>();
  private final List<StoredEvent> events = new ArrayList<>();
  private final List<WaitRecord> waits = new ArrayList<>();
  private final List<OutboxMessage> outbox = new ArrayList<>();
  private final Set<String> cronTicks = new HashSet<>();
  private final Map<String, Instant> cronDeployments = new HashMap<>();
  private final Map<String, Integer> mostLeased = new HashMap<>();
  private long sequence;

  public InMemoryRunStore(TestClock clock) {
    this.clock = clock;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public synchronized List<RunRecord> createRuns(List<NewRun> newRuns) {
    List<RunRecord> answer = new ArrayList<>();
    for (NewRun run : newRuns) {
      UUID existing =
          runByFunctionEvent.putIfAbsent(run.functionId() + "/" + run.eventId(), run.id());
      if (existing == null) {
        runs.put(run.id(), Runs.created(run, now()));
      }
      answer.add(runs.get(existing == null ? run.id() : existing));
    }
    return answer;
  }

  @Override
  public synchronized List<RunRecord> createLeasedRuns(
      List<NewRun> newRuns, String owner, Duration leaseFor) {
    Instant now = now();
    List<RunRecord> leased = new ArrayList<>();
    for (NewRun run : newRuns) {
      if (runByFunctionEvent.putIfAbsent(run.functionId() + "/" + run.eventId(), run.id())
          == null) {
        RunRecord record = Runs.leased(Runs.created(run, now), owner, now.plus(leaseFor), now);
        runs.put(run.id(), record);
        leased.add(record);
      }
    }
    return leased;
  }

  @Override
  public synchronized List<RunRecord> claim(Claim claim) {
    Instant now = now();
    List<RunRecord> claimed = new ArrayList<>();
    List<RunRecord> due =
        runs.values().stream()
            .filter(run -> claim.functions().contains(run.functionId()) && claimable(run, now))
            .sorted(Comparator.comparing(RunRecord::dueAt))
            .toList();
    for (RunRecord run : due) {
      if (claimed.size() == claim.max()) {
        break;
      }
      Integer limit = claim.limits().get(run.functionId());
      if (limit != null && leased(run.functionId(), run.concurrencyKey(), now) >= limit) {
        continue;
      }
      RunRecord leased = Runs.leased(run, claim.owner(), now.plus(claim.leaseFor()), now);
      runs.put(run.id(), leased);
      claimed.add(leased);
      if (run.concurrencyKey() != null) {
        mostLeased.merge(
            run.functionId() + "/" + run.concurrencyKey(),
            leased(run.functionId(), run.concurrencyKey(), now),
            Math::max);
      }
    }
    return claimed;
  }

  private static boolean claimable(RunRecord run, Instant now) {
    return switch (run.status()) {
      case QUEUED, SLEEPING, WAITING -> !run.dueAt().isAfter(now);
      case RUNNING -> run.leaseExpiresAt() != null && !run.leaseExpiresAt().isAfter(now);
      default -> false;
    };
  }

  private long leasedCount(String functionId, String key, Instant now) {
    return runs.values().stream()
        .filter(r -> r.functionId().equals(functionId) && key.equals(r.concurrencyKey()))
        .filter(r -> r.status() == RunStatus.RUNNING && r.leaseExpiresAt().isAfter(now))
        .count();
  }

  private int leased(String functionId, String key, Instant now) {
    return (int) leasedCount(functionId, key, now);
  }

  @Override
  public synchronized Set<UUID> commit(List<Commit> commits) {
    Set<UUID> applied = new HashSet<>();
    for (Commit commit : commits) {
      if (holds(commit.lease())) {
        apply(commit);
        applied.add(commit.lease().runId());
      }
    }
    return applied;
  }

  private boolean holds(Lease lease) {
    RunRecord run = runs.get(lease.runId());
    return run != null
        && run.status() == RunStatus.RUNNING
        && lease.owner().equals(run.leaseOwner())
        && lease.attempt() == run.attempt()
        && run.leaseExpiresAt().isAfter(now());
  }

  private void apply(Commit commit) {
    UUID runId = commit.lease().runId();
    commit.steps().forEach(step -> writeStep(runId, step));
    // An event id already there is the same event (PostgreSQL's ON CONFLICT DO NOTHING).
    commit.outbox().stream()
        .filter(message -> outbox.stream().noneMatch(m -> m.eventId().equals(message.eventId())))
        .forEach(outbox::add);
    createRuns(commit.newRuns());
    for (WaitRecord wait : commit.waits()) {
      waits.removeIf(registered -> registered.step().equals(wait.step()));
      waits.add(wait);
    }
    resolve(commit.resolutions());
    commit.runUpdate().ifPresent(update -> update(runId, update));
  }

  private void update(UUID runId, RunUpdate update) {
    RunRecord run = runs.get(runId);
    runs.put(
        runId,
        Runs.attemptSpan(
            Runs.executed(
                Runs.moved(
                    run,
                    update.status(),
                    update.dueAt() == null ? now() : update.dueAt(),
                    update.output(),
                    update.error(),
                    now()),
                update.executed()),
            update.attemptSpan()));
  }

  private void writeStep(UUID runId, StepWrite write) {
    Map<String, StepRecord> runSteps = steps.computeIfAbsent(runId, id -> new LinkedHashMap<>());
    StepRecord previous = runSteps.get(write.key());
    StepRecord record =
        new StepRecord(
            runId,
            write.key(),
            write.status(),
            write.attempts(),
            write.memo(),
            write.wakeAt(),
            ++sequence,
            previous == null ? now() : previous.firstRecordedAt(),
            now());
    runSteps.put(write.key(), record);
    stepLog.add(record);
    if (write.status() != StepStatus.WAITING) {
      waits.removeIf(wait -> wait.step().equals(new ParentStep(runId, write.key())));
    }
  }

  @Override
  public synchronized void renew(Collection<Lease> leases, Duration leaseFor) {
    for (Lease lease : leases) {
      if (holds(lease)) {
        runs.put(lease.runId(), Runs.renewed(runs.get(lease.runId()), now().plus(leaseFor)));
      }
    }
  }

  @Override
  public synchronized Optional<RunRecord> run(UUID runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  @Override
  public synchronized List<StepRecord> steps(UUID runId) {
    return steps.getOrDefault(runId, Map.of()).values().stream()
        .sorted(Comparator.comparingLong(StepRecord::sequence))
        .toList();
  }

  @Override
  public synchronized Set<UUID> storeEvents(List<StoredEvent> stored) {
    Set<UUID> added = new HashSet<>();
    for (StoredEvent event : stored) {
      if (events.stream().noneMatch(e -> e.id().equals(event.id())) && added.add(event.id())) {
        events.add(event);
      }
    }
    return added;
  }

  @Override
  public synchronized List<StoredEvent> events(String name, Instant since) {
    return events.stream()
        .filter(e -> e.name().equals(name) && !e.storedAt().isBefore(since))
        .toList();
  }

  @Override
  public synchronized List<OpenWait> waits(String eventName, Set<Correlation> correlations) {
    return waits.stream()
        .filter(w -> w.eventName().equals(eventName))
        .filter(w -> w.correlation() == null || correlations.contains(w.correlation()))
        .filter(w -> runs.get(w.step().runId()).status() == RunStatus.WAITING)
        .map(w -> new OpenWait(w, runs.get(w.step().runId()).event()))
        .toList();
  }

  @Override
  public synchronized void deferWait(ParentStep step, Instant dueAt) {
    RunRecord run = runs.get(step.runId());
    StepRecord waiting = steps.getOrDefault(step.runId(), Map.of()).get(step.stepKey());
    if (run != null
        && run.status() == RunStatus.WAITING
        && waiting != null
        && waiting.status() == StepStatus.WAITING) {
      runs.put(run.id(), Runs.moved(run, RunStatus.WAITING, dueAt, null, null, now()));
    }
  }

  @Override
  public synchronized Set<ParentStep> resolve(List<Resolution> resolutions) {
    Set<ParentStep> resolved = new HashSet<>();
    for (Resolution resolution : resolutions) {
      ParentStep target = resolution.target();
      RunRecord run = runs.get(target.runId());
      StepRecord step = steps.getOrDefault(target.runId(), Map.of()).get(target.stepKey());
      if (run != null
          && run.status() == RunStatus.WAITING
          && step != null
          && step.status() == StepStatus.WAITING) {
        writeStep(target.runId(), resolution.write());
        runs.put(run.id(), Runs.moved(run, RunStatus.QUEUED, now(), null, null, now()));
        resolved.add(target);
      }
    }
    return resolved;
  }

  @Override
  public synchronized boolean replay(List<Replay> replays) {
    for (Replay replay : replays) {
      RunRecord run = runs.get(replay.runId());
      if (run == null || !run.status().finished()) {
        return false;
      }
    }
    for (Replay replay : replays) {
      UUID runId = replay.runId();
      Map<String, StepRecord> runSteps = steps.getOrDefault(runId, new LinkedHashMap<>());
      StepRecord from = runSteps.get(replay.fromStepKey());
      if (from != null) {
        runSteps.values().removeIf(step -> step.sequence() >= from.sequence());
      }
      RunRecord queued = Runs.replayed(runs.get(runId), now());
      if (replay.waitingUntil() == null) {
        runs.put(runId, queued);
      } else {
        writeStep(runId, new StepWrite(replay.fromStepKey(), StepStatus.WAITING, 1, null, null));
        runs.put(
            runId, Runs.moved(queued, RunStatus.WAITING, replay.waitingUntil(), null, null, now()));
      }
    }
    return true;
  }

  @Override
  public synchronized List<RunRecord> invokedBy(ParentStep step) {
    List<RunRecord> invoked =
        new ArrayList<>(runs.values().stream().filter(r -> step.equals(r.parent())).toList());
    Collections.reverse(invoked);
    return invoked;
  }

  @Override
  public synchronized boolean cancel(UUID runId, String invokerMemo) {
    RunRecord run = runs.get(runId);
    if (run == null || run.status().finished()) {
      return false;
    }
    cancelTree(runId);
    if (run.parent() != null) {
      resolve(
          List.of(
              new Resolution(
                  run.parent(),
                  new StepWrite(run.parent().stepKey(), StepStatus.FAILED, 1, invokerMemo, null))));
    }
    return true;
  }

  private void cancelTree(UUID runId) {
    RunRecord run = runs.get(runId);
    if (!run.status().finished()) {
      runs.put(runId, Runs.moved(run, RunStatus.CANCELLED, run.dueAt(), null, "cancelled", now()));
    }
    List<UUID> invoked =
        runs.values().stream()
            .filter(r -> r.parent() != null && r.parent().runId().equals(runId))
            .map(RunRecord::id)
            .toList();
    invoked.forEach(this::cancelTree);
  }

  @Override
  public synchronized Optional<RunRecord> startCronTick(Instant tick, NewRun run) {
    String key = run.functionId() + "@" + tick;
    if (cronTicks.contains(key)) {
      return Optional.empty();
    }
    // The run first: a creation that throws leaves the tick unrecorded, as a rollback would.
    RunRecord created = createRuns(List.of(run)).get(0);
    cronTicks.add(key);
    return Optional.of(created);
  }

  @Override
  public synchronized Instant cronDeployedAt(String functionId) {
    return cronDeployments.computeIfAbsent(functionId, id -> now());
  }

  public synchronized List<RunRecord> runs() {
    return List.copyOf(runs.values());
  }

  public synchronized List<OutboxMessage> outbox() {
    return List.copyOf(outbox);
  }

  /** Every step write in the order it was committed, for a step's whole history of attempts. */
  public synchronized List<StepRecord> stepLog(UUID runId) {
    return stepLog.stream().filter(step -> step.runId().equals(runId)).toList();
  }

  /**
   * The most runs of {@code functionId} with this concurrency key that were ever leased at once.
   */
  public synchronized int mostLeasedAtOnce(String functionId, String key) {
    return mostLeased.getOrDefault(functionId + "/" + key, 0);
  }
}
