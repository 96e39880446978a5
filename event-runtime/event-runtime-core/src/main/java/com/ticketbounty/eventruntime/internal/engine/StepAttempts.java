package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.RetryAfterException;
import com.ticketbounty.eventruntime.codec.SealScope;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.StepBody;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one attempt of a step body and says what to record: its result, a retry with its due time
 * (the backoff, or the delay of a {@link RetryAfterException}), or a failure for good (a {@link
 * NonRetriableException}, retries used up, an output over the limit). An {@link Error} is not
 * caught: it abandons the attempt, leaving the run to its lease.
 *
 * <p>A body runs on the engine's step-body executor while the attempt's thread waits for it, up to
 * the step's timeout (or what is left of the run's, if less). A body still running then is
 * abandoned: its thread is interrupted, and the attempt goes on without it — the step fails with a
 * timeout and is retried like any failure, so the attempt's worker and concurrency slot are freed
 * even by a body that ignores the interrupt. Waiting on another thread costs a hand-off per step;
 * it is what lets the attempt thread, not the body, decide when the step ends.
 */
final class StepAttempts {
  private final EngineParts parts;
  private final DurableFunction function;
  private final UUID runId;
  private final RunBudget budget;
  private final AttemptTrace trace;
  // The exception of a step's failed execution, by key, until its span ends: the span records its
  // class (never its message).
  private final Map<String, Exception> failures = new ConcurrentHashMap<>();

  StepAttempts(
      EngineParts parts,
      DurableFunction function,
      UUID runId,
      RunBudget budget,
      AttemptTrace trace) {
    this.parts = parts;
    this.function = function;
    this.runId = runId;
    this.budget = budget;
    this.trace = trace;
  }

  /** One execution of a step body, started and not yet awaited. */
  record Execution(
      String key,
      int attempt,
      FutureTask<Object> task,
      long deadline,
      boolean runsOutTheRun,
      StepTrace span,
      long startedNanos) {}

  /** Starts the {@code attempt}-th execution of the step's body. */
  Execution start(String key, int attempt, StepBody<?> body) {
    StepBody<?> actual = parts.overrides().find(function.id(), key).orElse(body);
    Duration limit = function.stepTimeout();
    Duration left = budget.remaining();
    boolean runsOutTheRun = left.compareTo(limit) < 0;
    String idempotencyKey = runId + ":" + key;
    StepTrace span = parts.telemetry().step(function.id(), runId, key, attempt);
    FutureTask<Object> task = new FutureTask<>(span.wrap(() -> actual.run(idempotencyKey)));
    long started = System.nanoTime();
    long deadline = started + (runsOutTheRun ? left : limit).toNanos();
    parts.branches().execute(task);
    return new Execution(key, attempt, task, deadline, runsOutTheRun, span, started);
  }

  /**
   * Waits for an execution, up to its deadline, and says what to record; ends the step's span with
   * that outcome and meters the execution.
   */
  StepWrite finish(Execution execution) {
    StepWrite write;
    try {
      write = settle(execution);
    } catch (RuntimeException | Error e) {
      execution.span().abandoned();
      throw e;
    }
    parts
        .telemetry()
        .meters()
        .stepExecuted(
            function.id(),
            execution.key(),
            Duration.ofNanos(System.nanoTime() - execution.startedNanos()));
    execution.span().end(write, failures.remove(execution.key()));
    return write;
  }

  private StepWrite settle(Execution execution) {
    Object value;
    try {
      value =
          execution
              .task()
              .get(Math.max(0, execution.deadline() - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      execution.task().cancel(true);
      if (execution.runsOutTheRun()) {
        throw AttemptInterrupt.fail(budget.exceeded("during step " + execution.key()));
      }
      return failure(
          execution.key(),
          execution.attempt(),
          new StepTimeoutException(execution.key(), function.stepTimeout()));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      return failure(execution.key(), execution.attempt(), (Exception) e.getCause());
    } catch (InterruptedException e) {
      // The attempt's own thread is being stopped: leave the run to its lease.
      execution.task().cancel(true);
      Thread.currentThread().interrupt();
      throw AttemptInterrupt.abandoned("the attempt's thread was interrupted");
    }
    String key = execution.key();
    String memo = parts.memos().data(new SealScope.Memo(runId, key), value);
    int size = Memos.bytes(memo);
    int max = parts.settings().limits().maxStepOutputBytes();
    if (size > max) {
      String error =
          "output of step "
              + key
              + " is "
              + size
              + " bytes, over the limit of "
              + max
              + " (Limits.maxStepOutputBytes)";
      return new StepWrite(
          key, StepStatus.FAILED, execution.attempt(), parts.memos().error(error), null);
    }
    return new StepWrite(key, StepStatus.COMPLETED, execution.attempt(), memo, null);
  }

  StepWrite attempt(String key, int attempt, StepBody<?> body) {
    return finish(start(key, attempt, body));
  }

  /** What to record after the {@code attempt}-th attempt failed with {@code e}. */
  StepWrite failure(String key, int attempt, Exception e) {
    String error = describe(e);
    failures.put(key, e);
    if (e instanceof NonRetriableException
        || !function.retryPolicy().allowsAnotherAttempt(attempt)) {
      return new StepWrite(key, StepStatus.FAILED, attempt, parts.memos().error(error), null);
    }
    trace.retried();
    parts.telemetry().meters().stepRetried(function.id(), key);
    Duration delay =
        e instanceof RetryAfterException retryAfter
            ? retryAfter.delay()
            : function.retryPolicy().delayAfter(attempt, parts.random());
    Instant due = parts.store().now().plus(delay);
    return new StepWrite(key, StepStatus.RETRYING, attempt, parts.memos().error(error), due);
  }

  static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
