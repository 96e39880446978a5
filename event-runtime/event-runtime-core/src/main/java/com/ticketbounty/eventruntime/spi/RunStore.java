package com.ticketbounty.eventruntime.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the durable-function engine persists. Writes take lists so that an adapter can batch
 * many runs into one transaction. Time is the store's: every instance of a service shares one clock
 * for leases and due times (PostgreSQL's in production, the test clock in the kit).
 */
public interface RunStore {

  Instant now();

  /** Creates the runs, ignoring any whose (function, event id) already has one; answers all. */
  List<RunRecord> createRuns(List<NewRun> runs);

  /** Leases due runs, oldest due first; they are {@link RunStatus#RUNNING} when returned. */
  List<RunRecord> claim(Claim claim);

  /**
   * Applies each commit atomically if its lease still holds.
   *
   * @return the ids of the runs whose commit applied; the others were fenced off
   */
  Set<UUID> commit(List<Commit> commits);

  /** Extends the leases {@code owner} still holds on these runs. */
  void renew(String owner, Collection<UUID> runIds, Duration leaseFor);

  Optional<RunRecord> run(UUID runId);

  /** The run's steps in the order they were recorded. */
  List<StepRecord> steps(UUID runId);

  void storeEvents(List<StoredEvent> events);

  /** Stored events of this name stored at or after {@code since}, oldest first. */
  List<StoredEvent> events(String name, Instant since);

  List<WaitRecord> waits(String eventName);

  /** Applies the resolutions whose target is still waiting; answers the steps it resolved. */
  Set<ParentStep> resolve(List<Resolution> resolutions);

  /**
   * Requeues a finished run after deleting the step {@code fromStepKey} and every step recorded
   * after it; earlier steps stay finished.
   *
   * @return false when the run does not exist or is not finished
   */
  boolean replay(UUID runId, String fromStepKey);

  /** Cancels an unfinished run, ending its lease; its worker's next write is fenced off. */
  boolean cancel(UUID runId);

  /**
   * Starts a cron tick's run: records the tick ({@code run}'s function, {@code tick}) and creates
   * {@code run} in one transaction, so a tick is never recorded without its run — a crash or a
   * failed insert leaves neither, and the tick can be started again.
   *
   * @return the run; empty when any instance already started this tick ({@code run} is then not
   *     created)
   */
  Optional<RunRecord> startCronTick(Instant tick, NewRun run);

  /**
   * When a cron function was first deployed: the first call for {@code functionId} records {@link
   * #now()}, every later call (from any instance) answers that same instant. A missed tick from
   * before it is never caught up, so a new function does not run at once.
   */
  Instant cronDeployedAt(String functionId);
}
