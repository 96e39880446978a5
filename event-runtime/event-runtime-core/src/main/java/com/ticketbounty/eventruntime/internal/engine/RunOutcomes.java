package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.FunctionFailed;
import com.ticketbounty.eventruntime.SchemaVersion;
import com.ticketbounty.eventruntime.codec.SealScope;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunUpdate;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The final commit of an attempt: completed, suspended, or failed. A failed run starts its
 * function's failure function and publishes {@code runtime/function.failed} in the same commit —
 * except when the failed function is itself a failure function or handles {@code
 * runtime/function.failed}: that failure is only logged, so failures cannot loop.
 */
final class RunOutcomes {
  private static final Logger LOG = LoggerFactory.getLogger(RunOutcomes.class);

  private final EngineParts parts;

  RunOutcomes(EngineParts parts) {
    this.parts = parts;
  }

  Commit completed(RunRecord run, @Nullable Object output) {
    // An invoked run's output is read from its parent's step, so it is sealed for that step.
    SealScope.Memo scope =
        run.parent() != null
            ? new SealScope.Memo(run.parent().runId(), run.parent().stepKey())
            : new SealScope.Memo(run.id(), AttemptExecutor.OUTPUT_KEY);
    String memo = parts.memos().data(scope, output);
    int max = parts.settings().limits().maxStepOutputBytes();
    if (Memos.bytes(memo) > max) {
      return failed(
          run,
          "the run's output is "
              + Memos.bytes(memo)
              + " bytes, over the limit of "
              + max
              + " (Limits.maxStepOutputBytes)");
    }
    List<Resolution> resolutions = new ArrayList<>();
    if (run.parent() != null) {
      resolutions.add(
          new Resolution(
              run.parent(),
              new StepWrite(run.parent().stepKey(), StepStatus.COMPLETED, 1, memo, null)));
    }
    return end(run, RunUpdate.ending(RunStatus.COMPLETED, memo, null), resolutions);
  }

  Commit suspended(RunRecord run, Suspension suspension) {
    return new Commit(
        run.lease(),
        suspension.steps(),
        List.of(),
        suspension.newRuns(),
        suspension.waits(),
        List.of(),
        Optional.of(new RunUpdate(suspension.status(), suspension.dueAt(), null, null)));
  }

  Commit failed(RunRecord run, String error) {
    return failed(run, error, List.of());
  }

  /** A failed run, also recording {@code steps} (the body's own failed record). */
  Commit failed(RunRecord run, String error, List<StepWrite> steps) {
    List<Resolution> resolutions = new ArrayList<>();
    if (run.parent() != null) {
      resolutions.add(
          new Resolution(
              run.parent(),
              new StepWrite(
                  run.parent().stepKey(), StepStatus.FAILED, 1, parts.memos().error(error), null)));
    }
    List<OutboxMessage> outbox = new ArrayList<>();
    List<NewRun> newRuns = new ArrayList<>();
    DurableFunction function = parts.functions().find(run.functionId()).orElse(null);
    if (function == null
        || parts.functions().isFailureFunction(function.id())
        || Functions.handlesFailures(function)) {
      LOG.error(
          "Run {} of {} failed (not published, to avoid a loop): {}",
          run.id(),
          run.functionId(),
          error);
    } else {
      EventEnvelope failure = failureEvent(run, error);
      String encoded = parts.codec().encode(failure);
      outbox.add(
          new OutboxMessage(
              failure.id(), failure.name(), run.id().toString(), encoded, TraceHeaders.capture()));
      parts
          .functions()
          .find(Functions.failureId(function.id()))
          .ifPresent(handler -> newRuns.add(parts.newRuns().of(handler, failure, encoded, null)));
      LOG.warn("Run {} of {} failed: {}", run.id(), run.functionId(), error);
    }
    return new Commit(
        run.lease(),
        steps,
        outbox,
        newRuns,
        List.of(),
        resolutions,
        Optional.of(RunUpdate.ending(RunStatus.FAILED, null, error)));
  }

  private EventEnvelope failureEvent(RunRecord run, String error) {
    FunctionFailed failed =
        new FunctionFailed(
            parts.settings().service(),
            run.functionId(),
            run.id().toString(),
            error,
            parts.memos().mapper().readTree(run.event()));
    // One id per failure, not per run: a replayed run that fails again is a new failure, with its
    // own event and its own failure-handler run. An attempt fails its run at most once.
    return new EventEnvelope(
        NewRuns.derivedId(run.id() + "/failed/" + run.attempt()),
        FunctionFailed.NAME,
        new SchemaVersion(1, 0),
        now(),
        parts.memos().mapper().valueToTree(failed),
        null);
  }

  private Commit end(RunRecord run, RunUpdate update, List<Resolution> resolutions) {
    return new Commit(
        run.lease(), List.of(), List.of(), List.of(), List.of(), resolutions, Optional.of(update));
  }

  private java.time.Instant now() {
    return parts.store().now();
  }
}
