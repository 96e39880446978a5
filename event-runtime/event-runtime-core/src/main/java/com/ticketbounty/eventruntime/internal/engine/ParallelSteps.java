package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.codec.SealScope;
import com.ticketbounty.eventruntime.function.ParallelStep;
import com.ticketbounty.eventruntime.function.StepFailedException;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Runs the unfinished bodies of a parallel step at once on the step-body executor, each with its
 * own timeout, records all their outcomes in one checkpoint, then answers the results in order — or
 * raises the first failure, or ends the attempt until the earliest retry is due.
 */
final class ParallelSteps {
  private final EngineParts parts;
  private final RunRecord run;
  private final Checkpoints checkpoints;
  private final StepAttempts attempts;

  ParallelSteps(EngineParts parts, RunRecord run, Checkpoints checkpoints, StepAttempts attempts) {
    this.parts = parts;
    this.run = run;
    this.checkpoints = checkpoints;
    this.attempts = attempts;
  }

  <T> List<@Nullable T> run(Class<T> type, List<ParallelStep<T>> steps, List<String> keys) {
    Map<Integer, StepWrite> outcomes = new HashMap<>();
    Map<Integer, StepAttempts.Execution> running = new TreeMap<>();
    // The store's time is read only when a retry may not be due yet: most parallel steps have none.
    Instant now = null;
    for (int i = 0; i < steps.size(); i++) {
      StepRecord record = checkpoints.record(keys.get(i));
      if (record != null && record.status() != StepStatus.RETRYING) {
        outcomes.put(i, asWrite(record));
        continue;
      }
      if (record != null && record.wakeAt() != null) {
        now = now == null ? checkpoints.now() : now;
        if (record.wakeAt().isAfter(now)) {
          outcomes.put(i, asWrite(record));
          continue;
        }
      }
      String key = keys.get(i);
      int attempt = record == null ? 1 : record.attempts() + 1;
      running.put(i, attempts.start(key, attempt, steps.get(i).body()));
    }
    List<StepWrite> written = new ArrayList<>();
    running.forEach(
        (i, execution) -> {
          StepWrite write = attempts.finish(execution);
          outcomes.put(i, write);
          written.add(write);
        });
    if (!written.isEmpty()) {
      checkpoints.write(written, List.of());
    }
    return results(type, steps, outcomes);
  }

  private <T> List<@Nullable T> results(
      Class<T> type, List<ParallelStep<T>> steps, Map<Integer, StepWrite> outcomes) {
    Object[] results = new Object[steps.size()];
    Instant retryAt = null;
    for (int i = 0; i < steps.size(); i++) {
      StepWrite write = outcomes.get(i);
      switch (write.status()) {
        case COMPLETED ->
            results[i] =
                parts.memos().read(new SealScope.Memo(run.id(), write.key()), write.memo(), type);
        case FAILED ->
            throw new StepFailedException(steps.get(i).id(), parts.memos().errorOf(write.memo()));
        default ->
            retryAt =
                retryAt == null || write.wakeAt().isBefore(retryAt) ? write.wakeAt() : retryAt;
      }
    }
    if (retryAt != null) {
      throw checkpoints.suspend(Suspension.until(RunStatus.SLEEPING, retryAt, List.of()));
    }
    @SuppressWarnings("unchecked")
    List<@Nullable T> list = (List<@Nullable T>) Arrays.asList(results);
    return list;
  }

  private static StepWrite asWrite(StepRecord record) {
    return new StepWrite(
        record.key(), record.status(), record.attempts(), record.memo(), record.wakeAt());
  }
}
