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

  /**
   * Creates the runs and leases each at once to {@code owner} for {@code leaseFor}, as a claim
   * would ({@link RunStatus#RUNNING}, attempt 1, started now): the instance that took their event
   * in, with a worker free, runs their first attempt itself instead of queueing them for a claim —
   * one statement instead of an insert, a wake-up and a claim. No concurrency limit is checked, so
   * the engine passes only runs of functions without one.
   *
   * @return only the runs this call created, each leased; a run whose (function, event id) already
   *     had one is left as it is and not answered, so that an answered run is always a new attempt
   *     to start (a redelivered event must never start a second attempt of a run already running).
   *     By default none: the engine then creates the unanswered runs with {@link #createRuns},
   *     queued for a claim as before.
   */
  default List<RunRecord> createLeasedRuns(List<NewRun> runs, String owner, Duration leaseFor) {
    return List.of();
  }

  /** Leases due runs, oldest due first; they are {@link RunStatus#RUNNING} when returned. */
  List<RunRecord> claim(Claim claim);

  /**
   * Applies each commit atomically if its lease still holds.
   *
   * @return the ids of the runs whose commit applied; the others were fenced off
   */
  Set<UUID> commit(List<Commit> commits);

  /** Extends those of these leases that still hold (same attempt, unexpired, still running). */
  void renew(Collection<Lease> leases, Duration leaseFor);

  Optional<RunRecord> run(UUID runId);

  /**
   * The run's steps in the order they were recorded. A run claimed for the first time ({@link
   * Lease#attempt()} 1) has none, and the engine does not ask: a store writes a run's steps only
   * under one of its leases, or by a resolution, replay or cancel, which reach only runs that were
   * claimed before.
   */
  List<StepRecord> steps(UUID runId);

  /**
   * Keeps events some function waits for; an event already kept (a redelivery) is kept once.
   *
   * @return the ids of the events that were not kept before: only those may resolve waits, so that
   *     a redelivered event cannot resolve a later wait of the run whose earlier wait it resolved
   */
  Set<UUID> storeEvents(List<StoredEvent> events);

  /** Stored events of this name stored at or after {@code since}, oldest first. */
  List<StoredEvent> events(String name, Instant since);

  /**
   * The registered waits that incoming events of this name may resolve, whose runs are waiting,
   * oldest first: every wait without a {@link WaitRecord#correlation()}, and those whose
   * correlation is one of {@code correlations} (the fields the incoming events have, with their
   * values). The caller still evaluates each wait's match, so a store may return more, never fewer;
   * a wait with a correlation should be found through an index, not by reading every wait of the
   * name.
   */
  List<OpenWait> waits(String eventName, Set<Correlation> correlations);

  /**
   * Moves the run waiting on {@code step} to be due at {@code dueAt}, while that step is still
   * waiting. A wait is registered due soon, so that a lost re-check (see the engine) is made up
   * for; once the re-check found nothing, the run is due at the wait's timeout.
   */
  void deferWait(ParentStep step, Instant dueAt);

  /** Applies the resolutions whose target is still waiting; answers the steps it resolved. */
  Set<ParentStep> resolve(List<Resolution> resolutions);

  /**
   * Replays finished runs, all or none in one transaction (a parent and the run it invoked go
   * together): see {@link Replay}. Each run's takeovers are forgiven, its error and end cleared.
   *
   * @return false, and nothing changed, when one of the runs does not exist or is not finished
   */
  boolean replay(List<Replay> replays);

  /** The runs the step started with {@code invoke}, newest first. */
  List<RunRecord> invokedBy(ParentStep step);

  /**
   * Cancels an unfinished run and every unfinished run it invoked, directly or not, ending their
   * leases (their workers' next writes are fenced off). When the run was invoked by a step that is
   * still waiting for it, that step fails with {@code invokerMemo} and its run is requeued to take
   * the failure — one transaction for all of it.
   *
   * @param invokerMemo the failed step's memo, {@code {"v":1,"error":…}}
   * @return false when the run does not exist or is finished
   */
  boolean cancel(UUID runId, String invokerMemo);

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

  /**
   * Calls {@code wake} whenever a write to this store — from any instance — has made a run
   * claimable now (created, resumed, replayed, or a concurrency slot freed), so that an idle engine
   * claims it at once instead of at its next poll. A hint, not a promise: a wake may come for a run
   * another instance already took, and one may be lost (a dropped connection), which is why the
   * engine still polls as a safety net. {@code wake} must return at once (it only signals).
   *
   * <p>By default nothing: the engine then finds runs made due elsewhere only by polling (it always
   * wakes itself for the runs its own instance makes due). {@code PostgresRunStore} listens for
   * {@code NOTIFY} on a connection of its own.
   *
   * @return ends the subscription (and, with the last one, whatever the store held for it)
   */
  default Subscription onDue(Runnable wake) {
    return () -> {};
  }

  /** A subscription to {@link #onDue}; closing it ends it. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
