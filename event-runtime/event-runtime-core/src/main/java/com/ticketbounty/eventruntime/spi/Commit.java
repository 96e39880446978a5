package com.ticketbounty.eventruntime.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything one checkpoint of a run writes, atomically and fenced by its lease: step records, the
 * outbox rows of {@code sendEvent}, runs it starts (invoked, failure handlers), waits it registers,
 * steps of other runs it resolves, and — when the attempt ends — the run's new state.
 */
public record Commit(
    Lease lease,
    List<StepWrite> steps,
    List<OutboxMessage> outbox,
    List<NewRun> newRuns,
    List<WaitRecord> waits,
    List<Resolution> resolutions,
    Optional<RunUpdate> runUpdate) {

  public Commit {
    steps = List.copyOf(steps);
    outbox = List.copyOf(outbox);
    newRuns = List.copyOf(newRuns);
    waits = List.copyOf(waits);
    resolutions = List.copyOf(resolutions);
  }

  /** A checkpoint of steps (and their outbox rows) that keeps the attempt going. */
  public static Commit steps(Lease lease, List<StepWrite> steps, List<OutboxMessage> outbox) {
    return new Commit(lease, steps, outbox, List.of(), List.of(), List.of(), Optional.empty());
  }

  /** This checkpoint with its run update changed by {@code change}; one without one unchanged. */
  public Commit withRunUpdate(UnaryOperator<RunUpdate> change) {
    return new Commit(lease, steps, outbox, newRuns, waits, resolutions, runUpdate.map(change));
  }
}
