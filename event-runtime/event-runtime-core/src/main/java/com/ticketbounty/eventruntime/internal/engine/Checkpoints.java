package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.function.StepFailedException;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One attempt's view of its run's steps: the records read at its start, the checkpoints it writes,
 * and the interrupt that ends it. Once an interrupt has been thrown, every later call throws it
 * again, so a body that swallowed it cannot take further steps.
 */
final class Checkpoints {
  private final EngineParts parts;
  private final Lease lease;
  private final Map<String, StepRecord> records;
  private final RunBudget budget;
  private final boolean waitsRegistered;
  private @Nullable AttemptInterrupt interrupt;
  private int stepCalls;

  Checkpoints(EngineParts parts, Lease lease, Map<String, StepRecord> records, RunBudget budget) {
    this.parts = parts;
    this.lease = lease;
    this.records = records;
    this.budget = budget;
    // Only a waiting step has a registration; this attempt cannot add one and go on.
    this.waitsRegistered =
        records.values().stream().anyMatch(record -> record.status() == StepStatus.WAITING);
  }

  /**
   * Counts a step call against the steps-per-run limit; refuses to go on once interrupted or once
   * the run's timeout has run out (the run fails there, between two steps).
   */
  void enter() {
    if (interrupt != null) {
      throw interrupt;
    }
    if (budget.spent()) {
      throw remember(AttemptInterrupt.fail(budget.exceeded("before its next step")));
    }
    int max = parts.settings().limits().maxStepsPerRun();
    if (++stepCalls > max) {
      throw new com.ticketbounty.eventruntime.NonRetriableException(
          "the run takes more than " + max + " steps (Limits.maxStepsPerRun)");
    }
  }

  @Nullable StepRecord record(String key) {
    return records.get(key);
  }

  /** Whether the step finished; raises its failure in the body when it failed for good. */
  boolean finished(@Nullable StepRecord record, String id) {
    if (record == null) {
      return false;
    }
    if (record.status() == StepStatus.FAILED) {
      throw new StepFailedException(id, parts.memos().errorOf(record.memo()));
    }
    return record.status() == StepStatus.COMPLETED;
  }

  /**
   * Ends the attempt while a retry is not yet due (a run claimed before a step's backoff ended).
   */
  void awaitRetry(@Nullable StepRecord record) {
    if (record != null
        && record.status() == StepStatus.RETRYING
        && record.wakeAt() != null
        && record.wakeAt().isAfter(now())) {
      throw suspend(Suspension.until(RunStatus.SLEEPING, record.wakeAt(), List.of()));
    }
  }

  Instant now() {
    return parts.store().now();
  }

  /** Records steps (and their outbox rows) atomically before the body goes on. */
  void write(List<StepWrite> steps, List<OutboxMessage> outbox) {
    if (!parts
        .store()
        .commit(List.of(scoped(Commit.steps(lease, steps, outbox))))
        .contains(lease.runId())) {
      throw remember(AttemptInterrupt.fenced());
    }
  }

  /**
   * A commit of this attempt, telling the store when the run has no registered wait for its step
   * writes to end, so that it does not look for one.
   */
  @Nullable Commit scoped(@Nullable Commit commit) {
    return commit == null || waitsRegistered ? commit : commit.withoutRegisteredWaits();
  }

  AttemptInterrupt suspend(Suspension suspension) {
    return remember(AttemptInterrupt.suspend(suspension));
  }

  private AttemptInterrupt remember(AttemptInterrupt thrown) {
    interrupt = thrown;
    return thrown;
  }

  @Nullable AttemptInterrupt interrupt() {
    return interrupt;
  }
}
