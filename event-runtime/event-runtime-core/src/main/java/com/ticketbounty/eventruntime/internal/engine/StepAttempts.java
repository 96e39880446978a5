package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.RetryAfterException;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.StepBody;
import com.ticketbounty.eventruntime.internal.SealScope;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Runs one attempt of a step body and says what to record: its result, a retry with its due time
 * (the backoff, or the delay of a {@link RetryAfterException}), or a failure for good (a {@link
 * NonRetriableException}, retries used up, an output over the limit). An {@link Error} is not
 * caught: it abandons the attempt, leaving the run to its lease.
 */
final class StepAttempts {
  private final EngineParts parts;
  private final String functionId;
  private final UUID runId;
  private final RetryPolicy policy;

  StepAttempts(EngineParts parts, String functionId, UUID runId, RetryPolicy policy) {
    this.parts = parts;
    this.functionId = functionId;
    this.runId = runId;
    this.policy = policy;
  }

  StepWrite attempt(String key, int attempt, StepBody<?> body) {
    Object value;
    try {
      StepBody<?> actual = parts.overrides().find(functionId, key).orElse(body);
      value = actual.run(runId + ":" + key);
    } catch (Exception e) {
      return failure(key, attempt, e);
    }
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
      return new StepWrite(key, StepStatus.FAILED, attempt, parts.memos().error(error), null);
    }
    return new StepWrite(key, StepStatus.COMPLETED, attempt, memo, null);
  }

  /** What to record after the {@code attempt}-th attempt failed with {@code e}. */
  StepWrite failure(String key, int attempt, Exception e) {
    String error = describe(e);
    if (e instanceof NonRetriableException || !policy.allowsAnotherAttempt(attempt)) {
      return new StepWrite(key, StepStatus.FAILED, attempt, parts.memos().error(error), null);
    }
    Duration delay =
        e instanceof RetryAfterException retryAfter
            ? retryAfter.delay()
            : policy.delayAfter(attempt, parts.random());
    Instant due = parts.store().now().plus(delay);
    return new StepWrite(key, StepStatus.RETRYING, attempt, parts.memos().error(error), due);
  }

  static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
