package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.codec.SealScope;
import com.ticketbounty.eventruntime.function.ParallelStep;
import com.ticketbounty.eventruntime.function.Step;
import com.ticketbounty.eventruntime.function.StepAction;
import com.ticketbounty.eventruntime.function.StepBody;
import com.ticketbounty.eventruntime.function.StepFailedException;
import com.ticketbounty.eventruntime.internal.StepIds;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Step} of one attempt. A finished step answers from its record; the first unfinished
 * {@code run} executes and is recorded before the body goes on (a checkpoint per step); pauses are
 * delegated to {@link PausingSteps}, parallel steps to {@link ParallelSteps}.
 */
final class DurableStep implements Step {
  private final EngineParts parts;
  private final RunRecord run;
  private final Checkpoints checkpoints;
  private final StepAttempts attempts;
  private final PausingSteps pauses;
  private final ParallelSteps parallel;
  private final StepIds ids = new StepIds();

  DurableStep(
      EngineParts parts,
      RunRecord run,
      EventEnvelope trigger,
      Checkpoints checkpoints,
      StepAttempts attempts) {
    this.parts = parts;
    this.run = run;
    this.checkpoints = checkpoints;
    this.attempts = attempts;
    this.pauses = new PausingSteps(parts, run, trigger, checkpoints);
    this.parallel = new ParallelSteps(parts, run, checkpoints, attempts);
  }

  private String key(String id) {
    checkpoints.enter();
    return ids.next(id);
  }

  @Override
  public <T> @Nullable T run(String id, Class<T> type, StepBody<T> body) {
    String key = key(id);
    StepRecord record = checkpoints.record(key);
    if (checkpoints.finished(record, id)) {
      return parts.memos().read(memo(key), record.memo(), type);
    }
    checkpoints.awaitRetry(record);
    StepWrite write = attempts.attempt(key, record == null ? 1 : record.attempts() + 1, body);
    return settle(id, write, type);
  }

  @Override
  public void run(String id, StepAction action) {
    run(
        id,
        Void.class,
        key -> {
          action.run(key);
          return null;
        });
  }

  /** Records the attempt's outcome, then returns the result, raises the failure, or backs off. */
  private <T> @Nullable T settle(String id, StepWrite write, Class<T> type) {
    if (write.status() == StepStatus.RETRYING) {
      throw checkpoints.suspend(
          Suspension.until(
              com.ticketbounty.eventruntime.spi.RunStatus.SLEEPING,
              write.wakeAt(),
              List.of(write)));
    }
    checkpoints.write(List.of(write), List.of());
    if (write.status() == StepStatus.FAILED) {
      throw new StepFailedException(id, parts.memos().errorOf(write.memo()));
    }
    return parts.memos().read(memo(write.key()), write.memo(), type);
  }

  @Override
  public List<UUID> sendEvent(String id, Object... events) {
    String key = key(id);
    StepRecord record = checkpoints.record(key);
    if (checkpoints.finished(record, id)) {
      return List.of(parts.memos().read(memo(key), record.memo(), UUID[].class));
    }
    // The step's span is current while the events are made: their headers carry it, so whatever
    // they cause continues the run's trace.
    StepTrace span = parts.telemetry().step(run.functionId(), run.id(), key, 1);
    try (Scope _ = span.context().makeCurrent()) {
      List<UUID> sent = send(id, key, events);
      span.end("completed");
      return sent;
    } catch (StepFailedException e) {
      span.end(new StepWrite(key, StepStatus.FAILED, 1, null, null), e);
      throw e;
    } catch (RuntimeException | Error e) {
      span.abandoned();
      throw e;
    }
  }

  private List<UUID> send(String id, String key, Object... events) {
    List<OutboxMessage> outbox = new ArrayList<>();
    List<UUID> eventIds = new ArrayList<>();
    Instant now = checkpoints.now();
    for (int i = 0; i < events.length; i++) {
      EventEnvelope event =
          envelope(events[i], NewRuns.derivedId(run.id() + "/" + key + "/" + i), now);
      String body = parts.codec().encode(event);
      int max = parts.settings().limits().maxEventBytes();
      if (Memos.bytes(body) > max) {
        String error =
            "event "
                + event.name()
                + " of step "
                + key
                + " is "
                + Memos.bytes(body)
                + " bytes, over the limit of "
                + max
                + " (Limits.maxEventBytes)";
        checkpoints.write(
            List.of(new StepWrite(key, StepStatus.FAILED, 1, parts.memos().error(error), null)),
            List.of());
        throw new StepFailedException(id, error);
      }
      eventIds.add(event.id());
      outbox.add(
          new OutboxMessage(
              event.id(), event.name(), run.id().toString(), body, TraceHeaders.capture()));
    }
    StepWrite write =
        new StepWrite(key, StepStatus.COMPLETED, 1, parts.memos().data(memo(key), eventIds), null);
    checkpoints.write(List.of(write), outbox);
    return List.copyOf(eventIds);
  }

  private SealScope.Memo memo(String key) {
    return new SealScope.Memo(run.id(), key);
  }

  /** The event as the service's codec makes it: sensitive fields sealed before the outbox. */
  private EventEnvelope envelope(Object contract, UUID id, Instant now) {
    return parts.codec().envelope(contract, id, now, null);
  }

  @Override
  public void sleep(String id, Duration duration) {
    pauses.sleep(key(id), now -> now.plus(duration));
  }

  @Override
  public void sleepUntil(String id, Instant until) {
    pauses.sleep(key(id), now -> until);
  }

  @Override
  public Optional<EventEnvelope> waitForEvent(
      String id, String eventName, String match, Duration timeout) {
    return pauses.waitForEvent(id, key(id), eventName, match, timeout);
  }

  /** After the attempt's end committed: see {@link PausingSteps#recheck()}. */
  void recheckWait() {
    pauses.recheck();
  }

  @Override
  public <T> @Nullable T invoke(String id, String functionId, Object data, Class<T> resultType) {
    return pauses.invoke(id, key(id), functionId, data, resultType);
  }

  @Override
  public <T> List<@Nullable T> parallel(Class<T> type, List<ParallelStep<T>> steps) {
    List<String> keys = new ArrayList<>();
    for (ParallelStep<T> step : steps) {
      keys.add(key(step.id()));
    }
    return parallel.run(type, steps, keys);
  }
}
