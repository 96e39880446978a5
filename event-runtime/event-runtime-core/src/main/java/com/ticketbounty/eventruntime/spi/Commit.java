package com.ticketbounty.eventruntime.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything one checkpoint of a run writes, atomically and fenced by its lease: step records, the
 * outbox rows of {@code sendEvent}, runs it starts (invoked, failure handlers), waits it registers,
 * steps of other runs it resolves, and — when the attempt ends — the run's new state.
 *
 * @param waitsRegistered whether a step of the run may be registered as waiting for an event, so
 *     that a step written here with another status must drop that registration; false when the
 *     engine knows that no step of the run was waiting when its attempt began (an attempt cannot
 *     register a wait and go on), and the store need not look
 */
public record Commit(
    Lease lease,
    List<StepWrite> steps,
    List<OutboxMessage> outbox,
    List<NewRun> newRuns,
    List<WaitRecord> waits,
    List<Resolution> resolutions,
    Optional<RunUpdate> runUpdate,
    boolean waitsRegistered) {

  public Commit {
    steps = List.copyOf(steps);
    outbox = List.copyOf(outbox);
    newRuns = List.copyOf(newRuns);
    waits = List.copyOf(waits);
    resolutions = List.copyOf(resolutions);
  }

  /** A checkpoint whose step writes may end registered waits: the store looks. */
  public Commit(
      Lease lease,
      List<StepWrite> steps,
      List<OutboxMessage> outbox,
      List<NewRun> newRuns,
      List<WaitRecord> waits,
      List<Resolution> resolutions,
      Optional<RunUpdate> runUpdate) {
    this(lease, steps, outbox, newRuns, waits, resolutions, runUpdate, true);
  }

  /** A checkpoint of steps (and their outbox rows) that keeps the attempt going. */
  public static Commit steps(Lease lease, List<StepWrite> steps, List<OutboxMessage> outbox) {
    return new Commit(lease, steps, outbox, List.of(), List.of(), List.of(), Optional.empty());
  }

  /** This checkpoint with its run update changed by {@code change}; one without one unchanged. */
  public Commit withRunUpdate(UnaryOperator<RunUpdate> change) {
    return new Commit(
        lease, steps, outbox, newRuns, waits, resolutions, runUpdate.map(change), waitsRegistered);
  }

  /** This checkpoint of a run known to have no step registered as waiting for an event. */
  public Commit withoutRegisteredWaits() {
    return new Commit(lease, steps, outbox, newRuns, waits, resolutions, runUpdate, false);
  }

  /** Whether this checkpoint writes nothing but the run's steps and, maybe, its end. */
  public boolean onlyStepsAndEnd() {
    return outbox.isEmpty() && newRuns.isEmpty() && waits.isEmpty() && resolutions.isEmpty();
  }
}
