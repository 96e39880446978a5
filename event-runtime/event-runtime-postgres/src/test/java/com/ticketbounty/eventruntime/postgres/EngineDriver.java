package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the engine's scenario contracts do to a runtime, implemented once on the kit's in-memory
 * {@code TestRuntime} and once on the real engine on PostgreSQL, so that one scenario proves both.
 *
 * <p>Every call that gives the engine work ({@link #send}, {@link #advance}, {@link #replay})
 * returns once the runtime is idle: no attempt in flight and no run due. Time is counted in {@link
 * #unit() units}: the in-memory clock jumps by minutes, PostgreSQL's passes for real.
 */
interface EngineDriver extends AutoCloseable {

  /** One unit of scenario time. */
  Duration unit();

  default Duration units(long count) {
    return unit().multipliedBy(count);
  }

  /**
   * Whether the bodies of a parallel step run at the same time, each on a thread of its own. The
   * kit runs them one after the other on the calling thread, so a scenario may prove their overlap
   * only where this holds.
   */
  boolean runsBranchesConcurrently();

  /** Limits for the engine, set before {@link #register}. */
  void limits(Limits limits);

  void register(DurableFunction... functions);

  /** Plays a deploy of new code: the same store, these functions instead of the registered ones. */
  void redeploy(DurableFunction... functions);

  /** Sends a contract record as a new event. */
  EventEnvelope send(Object contract);

  /** Lets {@code duration} of the store's time pass, running what falls due on the way. */
  void advance(Duration duration);

  /** The store's clock. */
  Instant now();

  boolean replay(UUID runId);

  /** Cancels a run; callable from inside a step body, so it does not wait for idleness. */
  boolean cancel(UUID runId);

  RunRecord run(UUID runId);

  /**
   * The run once it is in {@code status}, for a state reached when a due time passed: at once in
   * memory, where {@link #advance} stops at every due time; awaited on PostgreSQL, where a due time
   * set while time passed lies a few milliseconds past the end of the advance.
   */
  RunRecord reached(UUID runId, RunStatus status);

  /** A function's runs, oldest first. */
  List<RunRecord> runs(String functionId);

  /** The only run of a function; fails when there is not exactly one. */
  default RunRecord onlyRun(String functionId) {
    List<RunRecord> runs = runs(functionId);
    if (runs.size() != 1) {
      throw new AssertionError(functionId + " has " + runs.size() + " runs, expected one");
    }
    return runs.get(0);
  }

  /** The run's steps as stored now, in the order they were recorded. */
  List<StepRecord> steps(UUID runId);

  /** Every write of the run's steps, oldest first: a step's whole history of attempts. */
  List<StepRecord> stepLog(UUID runId);

  /** Events the functions sent (and the runtime published), oldest first. */
  List<EventEnvelope> sentEvents();
}
