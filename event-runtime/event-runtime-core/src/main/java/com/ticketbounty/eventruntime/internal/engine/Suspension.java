package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import com.ticketbounty.eventruntime.spi.WaitRecord;
import java.time.Instant;
import java.util.List;

/** How a suspended attempt leaves its run, written in the attempt's final commit. */
record Suspension(
    RunStatus status,
    Instant dueAt,
    List<StepWrite> steps,
    List<NewRun> newRuns,
    List<WaitRecord> waits) {

  static Suspension until(RunStatus status, Instant dueAt, List<StepWrite> steps) {
    return new Suspension(status, dueAt, steps, List.of(), List.of());
  }
}
