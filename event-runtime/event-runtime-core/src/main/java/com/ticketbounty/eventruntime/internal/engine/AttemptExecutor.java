package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.StepFailedException;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunUpdate;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt of a leased run and persists its outcome.
 *
 * <p>Exceptions the body lets escape outside any step: a {@code StepFailedException} (a step that
 * failed for good) fails the run at once; any other exception is retried like a step, under the
 * pseudo step key {@value #BODY_KEY} with the function's retry policy (a {@code
 * NonRetriableException} fails the run at once). An {@link Error} is not handled: the attempt is
 * abandoned with nothing written, and its run is resumed when its lease expires — up to {@link
 * #MAX_TAKEOVERS} times, after which the run fails.
 */
public final class AttemptExecutor {
  static final String BODY_KEY = "$body";

  /** The pseudo step key a run's own output is sealed for (an invoked run's: its parent step). */
  static final String OUTPUT_KEY = "$output";

  /**
   * Lease expiries mid-attempt a run survives. A worker that dies now and then costs a takeover;
   * one that dies every time on the same run (a poison run) would otherwise be resumed forever.
   */
  static final int MAX_TAKEOVERS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(AttemptExecutor.class);

  private final EngineParts parts;
  private final RunOutcomes outcomes;

  AttemptExecutor(EngineParts parts) {
    this.parts = parts;
    this.outcomes = new RunOutcomes(parts);
  }

  /** Executes one attempt under its span, current with the run's MDC keys on this thread. */
  public void execute(RunRecord run) {
    try (AttemptTrace trace = parts.telemetry().attempt(run)) {
      try {
        execute(run, trace);
      } catch (RuntimeException | Error e) {
        trace.abandoned(e);
        throw e;
      }
    }
  }

  private void execute(RunRecord run, AttemptTrace trace) {
    Optional<DurableFunction> function = parts.functions().find(run.functionId());
    if (function.isEmpty()) {
      finish(
          run, outcomes.failed(run, "no function " + run.functionId() + " in this service"), trace);
      return;
    }
    if (run.error() != null) {
      // Made failing at intake (NewRun.failure): fail it here, through the usual failure path.
      finish(run, outcomes.failed(run, run.error()), trace);
      return;
    }
    if (run.takeovers() > MAX_TAKEOVERS) {
      finish(
          run,
          outcomes.failed(
              run,
              "its worker died "
                  + run.takeovers()
                  + " times while running it; the step it last reached is suspected of killing"
                  + " it (replay the run once that is fixed)"),
          trace);
      return;
    }
    EventEnvelope event;
    try {
      event = parts.codec().decode(run.event().getBytes(StandardCharsets.UTF_8));
    } catch (UndecodableEventException e) {
      finish(run, outcomes.failed(run, "the run's event cannot be read: " + e.getMessage()), trace);
      return;
    }
    Map<String, StepRecord> records = new LinkedHashMap<>();
    if (run.attempt() > 1) {
      // At its first claim a run has no steps to read: every step write is made under one of its
      // leases, or by a resolution, replay or cancel of a run claimed before (see RunStore#steps).
      parts.store().steps(run.id()).forEach(step -> records.put(step.key(), step));
    }
    RunBudget budget = new RunBudget(function.get().runTimeout(), run.executed());
    Checkpoints checkpoints = new Checkpoints(parts, run.lease(), records, budget);
    StepAttempts attempts = new StepAttempts(parts, function.get(), run.id(), budget, trace);
    DurableStep step = new DurableStep(parts, run, event, checkpoints, attempts);
    Commit commit =
        checkpoints.scoped(
            attempt(run, function.get(), event, records, checkpoints, attempts, step));
    if (finish(run, executed(commit, budget), trace)) {
      recheckWait(run, step);
    }
  }

  private @Nullable Commit attempt(
      RunRecord run,
      DurableFunction function,
      EventEnvelope event,
      Map<String, StepRecord> records,
      Checkpoints checkpoints,
      StepAttempts attempts,
      DurableStep step) {
    try {
      Object output = function.body().run(new AttemptContext(run, event, parts.codec(), step));
      return swallowed(run, checkpoints).orElseGet(() -> outcomes.completed(run, output));
    } catch (AttemptInterrupt interrupt) {
      if (interrupt.failure() != null) {
        return outcomes.failed(run, interrupt.failure());
      }
      Suspension suspension = interrupt.suspension();
      return suspension == null ? null : outcomes.suspended(run, suspension);
    } catch (StepFailedException e) {
      return swallowed(run, checkpoints).orElseGet(() -> outcomes.failed(run, e.getMessage()));
    } catch (Exception e) {
      return swallowed(run, checkpoints)
          .orElseGet(() -> bodyFailed(run, records.get(BODY_KEY), attempts, e));
    }
  }

  /** A body that caught the interrupt and went on: fail the run loudly rather than guess. */
  private Optional<Commit> swallowed(RunRecord run, Checkpoints checkpoints) {
    if (checkpoints.interrupt() == null) {
      return Optional.empty();
    }
    return Optional.of(
        outcomes.failed(
            run,
            "the function caught the runtime's AttemptInterrupt (an Error) and went on; let"
                + " Errors propagate out of the body: catch Exception, not Throwable"));
  }

  private Commit bodyFailed(
      RunRecord run, @Nullable StepRecord previous, StepAttempts attempts, Exception e) {
    StepWrite write = attempts.failure(BODY_KEY, previous == null ? 1 : previous.attempts() + 1, e);
    if (write.status() == StepStatus.FAILED) {
      return outcomes.failed(run, StepAttempts.describe(e), List.of(write));
    }
    return new Commit(
        run.lease(),
        List.of(write),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.of(new RunUpdate(RunStatus.SLEEPING, write.wakeAt(), null, null)));
  }

  /** The attempt's end, adding the time it executed to the run's (what its timeout limits). */
  private static @Nullable Commit executed(@Nullable Commit commit, RunBudget budget) {
    return commit == null
        ? null
        : commit.withRunUpdate(update -> update.executing(budget.elapsed()));
  }

  /**
   * Writes the attempt's end, with the attempt's span for the next attempt to link to; answers
   * whether it was written.
   */
  private boolean finish(RunRecord run, @Nullable Commit commit, AttemptTrace trace) {
    if (commit == null) {
      LOG.info("Run {} lost its lease mid-attempt; its new owner carries on", run.id());
      return false;
    }
    Commit traced = withSpan(commit, trace.traceParent());
    if (!parts.store().commit(List.of(traced)).contains(run.id())) {
      LOG.info("Run {} lost its lease before its attempt ended; nothing written", run.id());
      return false;
    }
    traced
        .runUpdate()
        .ifPresent(
            update -> {
              trace.ended(update.status());
              parts
                  .telemetry()
                  .meters()
                  .runEnded(run.functionId(), update.status(), sinceCreated(run, update, trace));
            });
    return true;
  }

  /**
   * From the run's creation to this end, on the store's clock without asking it: a run that ends
   * now has its end time taken inside the write, so it is the claim's time (the lease's expiry less
   * its length) plus the time this attempt has taken since.
   */
  private @Nullable Duration sinceCreated(RunRecord run, RunUpdate update, AttemptTrace trace) {
    Instant end = update.dueAt();
    if (end == null && run.leaseExpiresAt() != null) {
      end = run.leaseExpiresAt().minus(parts.settings().leaseFor()).plus(trace.elapsed());
    }
    return end == null ? null : Duration.between(run.createdAt(), end);
  }

  private static Commit withSpan(Commit commit, @Nullable String attemptSpan) {
    return attemptSpan == null
        ? commit
        : commit.withRunUpdate(update -> update.tracedBy(attemptSpan));
  }

  /** A failed look costs only a delay: the run is due again soon and looks then. */
  private static void recheckWait(RunRecord run, DurableStep step) {
    try {
      step.recheckWait();
    } catch (RuntimeException e) {
      LOG.warn(
          "Looking again for the event run {} waits for failed; it looks when it is next due",
          run.id(),
          e);
    }
  }
}
