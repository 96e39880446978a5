package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.SchemaVersion;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.internal.SealScope;
import com.ticketbounty.eventruntime.internal.UndecodableEventException;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import com.ticketbounty.eventruntime.spi.StoredEvent;
import com.ticketbounty.eventruntime.spi.WaitRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The steps that end the attempt until something happens: a time ({@code sleep}), an event ({@code
 * waitForEvent}) or another run ({@code invoke}). The first encounter records the step as sleeping
 * or waiting; the run is executed again when it is due or resolved, and the step then completes
 * from its record.
 */
final class PausingSteps {
  /** The due time of a run that waits for an invoked run: no timeout, a resolution wakes it. */
  static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

  static final String INVOKED_EVENT = "runtime/function.invoked";

  private final EngineParts parts;
  private final RunRecord run;
  private final EventEnvelope trigger;
  private final Checkpoints checkpoints;

  PausingSteps(EngineParts parts, RunRecord run, EventEnvelope trigger, Checkpoints checkpoints) {
    this.parts = parts;
    this.run = run;
    this.trigger = trigger;
    this.checkpoints = checkpoints;
  }

  /** {@code wake} computes the wake time from the time the sleep is first reached. */
  void sleep(String key, UnaryOperator<Instant> wake) {
    StepRecord record = checkpoints.record(key);
    if (record != null && record.status() == StepStatus.COMPLETED) {
      return;
    }
    Instant now = checkpoints.now();
    Instant until = record != null && record.wakeAt() != null ? record.wakeAt() : wake.apply(now);
    if (!until.isAfter(now)) {
      checkpoints.write(List.of(completed(key, null, until)), List.of());
      return;
    }
    List<StepWrite> writes =
        record == null
            ? List.of(new StepWrite(key, StepStatus.SLEEPING, 1, null, until))
            : List.of();
    throw checkpoints.suspend(Suspension.until(RunStatus.SLEEPING, until, writes));
  }

  Optional<EventEnvelope> waitForEvent(
      String id, String key, String eventName, String match, Duration timeout) {
    DurableFunction function = parts.functions().find(run.functionId()).orElseThrow();
    if (!function.waitsFor().contains(eventName)) {
      throw new IllegalArgumentException(
          "function "
              + function.id()
              + " waits for "
              + eventName
              + " without declaring it: add .waitsFor(\""
              + eventName
              + "\")");
    }
    StepRecord record = checkpoints.record(key);
    if (checkpoints.finished(record, id)) {
      return Optional.ofNullable(parts.memos().read(memo(key), record.memo(), JsonNode.class))
          .map(this::decode);
    }
    Instant now = checkpoints.now();
    if (record != null && record.wakeAt() != null) {
      if (!now.isBefore(record.wakeAt())) {
        checkpoints.write(List.of(completed(key, null, null)), List.of());
        return Optional.empty();
      }
      throw checkpoints.suspend(Suspension.until(RunStatus.WAITING, record.wakeAt(), List.of()));
    }
    Optional<StoredEvent> early = firstMatch(eventName, match);
    if (early.isPresent()) {
      JsonNode event = parts.memos().mapper().readTree(early.get().event());
      checkpoints.write(List.of(completed(key, event, null)), List.of());
      return Optional.of(decode(event));
    }
    Instant timeoutAt = now.plus(timeout);
    throw checkpoints.suspend(
        new Suspension(
            RunStatus.WAITING,
            timeoutAt,
            List.of(new StepWrite(key, StepStatus.WAITING, 1, null, timeoutAt)),
            List.of(),
            List.of(new WaitRecord(new ParentStep(run.id(), key), eventName, match, timeoutAt))));
  }

  /** An event stored since the run's trigger — one that came before the wait was reached. */
  private Optional<StoredEvent> firstMatch(String eventName, String match) {
    return parts.store().events(eventName, run.createdAt()).stream()
        .filter(stored -> !stored.id().equals(trigger.id()))
        .filter(stored -> parts.expressions().matches(match, trigger, decode(stored.event())))
        .findFirst();
  }

  <T> @Nullable T invoke(String id, String key, String functionId, Object data, Class<T> type) {
    StepRecord record = checkpoints.record(key);
    if (checkpoints.finished(record, id)) {
      return parts.memos().read(memo(key), record.memo(), type);
    }
    if (record != null) {
      throw checkpoints.suspend(Suspension.until(RunStatus.WAITING, NEVER, List.of()));
    }
    DurableFunction target =
        parts
            .functions()
            .find(functionId)
            .orElseThrow(
                () -> new IllegalArgumentException("no function " + functionId + " to invoke"));
    SealScope.Event invoked =
        new SealScope.Event(NewRuns.derivedId(run.id() + "/" + key + "/invoke"), INVOKED_EVENT);
    EventEnvelope event =
        new EventEnvelope(
            invoked.id(),
            invoked.name(),
            new SchemaVersion(1, 0),
            checkpoints.now(),
            parts.codec().sealedData(data, invoked),
            null);
    NewRun child = parts.newRuns().of(target, event, new ParentStep(run.id(), key));
    throw checkpoints.suspend(
        new Suspension(
            RunStatus.WAITING,
            NEVER,
            List.of(new StepWrite(key, StepStatus.WAITING, 1, null, null)),
            List.of(child),
            List.of()));
  }

  private StepWrite completed(String key, @Nullable Object data, @Nullable Instant wakeAt) {
    return new StepWrite(key, StepStatus.COMPLETED, 1, parts.memos().data(memo(key), data), wakeAt);
  }

  private SealScope.Memo memo(String key) {
    return new SealScope.Memo(run.id(), key);
  }

  private EventEnvelope decode(JsonNode event) {
    return decode(parts.memos().mapper().writeValueAsString(event));
  }

  private EventEnvelope decode(String event) {
    try {
      return parts.codec().decode(event.getBytes(StandardCharsets.UTF_8));
    } catch (UndecodableEventException e) {
      throw new IllegalStateException("a stored event cannot be read: " + e.getMessage(), e);
    }
  }
}
