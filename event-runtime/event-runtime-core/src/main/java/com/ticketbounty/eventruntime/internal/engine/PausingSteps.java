package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.SchemaVersion;
import com.ticketbounty.eventruntime.codec.SealScope;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.StepFailedException;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import com.ticketbounty.eventruntime.spi.StoredEvent;
import com.ticketbounty.eventruntime.spi.WaitRecord;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

  /** How soon a newly registered wait is due, in case the look after its registration is lost. */
  static final Duration RECHECK_AFTER = Duration.ofSeconds(10);

  private final EngineParts parts;
  private final RunRecord run;
  private final EventEnvelope trigger;
  private final Checkpoints checkpoints;

  /** Where the next wait looks back to: the previous wait's event, its timeout, or the start. */
  private Instant lookback;

  /** The events earlier waits of this run returned. */
  private final Set<UUID> consumed = new HashSet<>();

  /** The wait this attempt registered, to look for once more after it committed. */
  private @Nullable WaitRecord registered;

  PausingSteps(EngineParts parts, RunRecord run, EventEnvelope trigger, Checkpoints checkpoints) {
    this.parts = parts;
    this.run = run;
    this.trigger = trigger;
    this.checkpoints = checkpoints;
    this.lookback = run.createdAt();
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

  /**
   * A wait: answered from its record when finished; otherwise from an event stored since the
   * previous wait's event (one that came before the wait was reached), or registered until its
   * timeout. An event that resolved an earlier wait of the run never resolves a later one.
   *
   * <p>A new wait is registered due soon ({@link #RECHECK_AFTER}), not at its timeout: an event
   * stored while the attempt ran saw no wait to resolve, so after the registration commits the
   * attempt looks once more ({@link #recheck}) and only then moves the due time to the timeout. If
   * that look is lost (a database error, a crash), the run is executed again when due and looks
   * then — a lost look costs a delay, never the wake-up.
   */
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
      Optional<EventEnvelope> event =
          Optional.ofNullable(parts.memos().read(memo(key), record.memo(), JsonNode.class))
              .map(this::decode);
      event.ifPresent(received -> consumed.add(received.id()));
      if (record.wakeAt() != null && record.wakeAt().isAfter(lookback)) {
        lookback = record.wakeAt();
      }
      return event;
    }
    try {
      parts.expressions().checkMatch(match);
    } catch (IllegalArgumentException e) {
      String error = "the match of waitForEvent " + id + " is not valid: " + e.getMessage();
      checkpoints.write(
          List.of(new StepWrite(key, StepStatus.FAILED, 1, parts.memos().error(error), null)),
          List.of());
      throw new StepFailedException(id, error);
    }
    Instant now = checkpoints.now();
    if (record != null && record.wakeAt() != null && !now.isBefore(record.wakeAt())) {
      checkpoints.write(List.of(completed(key, null, record.wakeAt())), List.of());
      lookback = record.wakeAt();
      return Optional.empty();
    }
    Optional<StoredEvent> stored = firstMatch(eventName, match);
    if (stored.isPresent()) {
      JsonNode event = parts.memos().mapper().readTree(stored.get().event());
      checkpoints.write(List.of(completed(key, event, stored.get().storedAt())), List.of());
      consumed.add(stored.get().id());
      lookback = stored.get().storedAt();
      return Optional.of(decode(event));
    }
    if (record != null && record.wakeAt() != null) {
      // Registered by an earlier attempt, and looked for again above: wait on to the timeout.
      throw checkpoints.suspend(Suspension.until(RunStatus.WAITING, record.wakeAt(), List.of()));
    }
    Instant timeoutAt = now.plus(timeout);
    Instant recheckAt = now.plus(RECHECK_AFTER);
    registered =
        new WaitRecord(
            new ParentStep(run.id(), key),
            eventName,
            match,
            timeoutAt,
            parts.expressions().correlation(match, trigger));
    throw checkpoints.suspend(
        new Suspension(
            RunStatus.WAITING,
            recheckAt.isBefore(timeoutAt) ? recheckAt : timeoutAt,
            List.of(new StepWrite(key, StepStatus.WAITING, 1, null, timeoutAt)),
            List.of(),
            List.of(registered)));
  }

  /**
   * Once the attempt's registration of a wait committed: resolves the wait with an event stored
   * meanwhile, or moves the run's due time to the wait's timeout.
   */
  void recheck() {
    WaitRecord wait = registered;
    if (wait == null) {
      return;
    }
    Optional<StoredEvent> stored = firstMatch(wait.eventName(), wait.match());
    if (stored.isPresent()) {
      JsonNode event = parts.memos().mapper().readTree(stored.get().event());
      parts
          .store()
          .resolve(
              List.of(
                  new Resolution(
                      wait.step(),
                      completed(wait.step().stepKey(), event, stored.get().storedAt()))));
    } else {
      parts.store().deferWait(wait.step(), wait.timeoutAt());
    }
  }

  /**
   * The first event stored since the previous wait's event (or the run's start) that matches and
   * resolved no earlier wait of this run.
   */
  private Optional<StoredEvent> firstMatch(String eventName, String match) {
    return parts.store().events(eventName, lookback).stream()
        .filter(stored -> !stored.id().equals(trigger.id()) && !consumed.contains(stored.id()))
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
    // One id per invocation: a step reached again after a replay dropped its record (its earlier
    // child was cancelled, say) invokes anew. An attempt reaches a step once.
    SealScope.Event invoked =
        new SealScope.Event(
            NewRuns.derivedId(run.id() + "/" + key + "/invoke/" + run.attempt()), INVOKED_EVENT);
    EventEnvelope event =
        new EventEnvelope(
            invoked.id(),
            invoked.name(),
            new SchemaVersion(1, 0),
            checkpoints.now(),
            parts.codec().sealedData(data, invoked),
            null);
    // The invoked run is made under this step's span: it continues the invoking run's trace.
    StepTrace span = parts.telemetry().step(run.functionId(), run.id(), key, 1);
    NewRun child;
    try (Scope _ = span.context().makeCurrent()) {
      child = parts.newRuns().of(target, event, new ParentStep(run.id(), key));
    }
    span.end("waiting");
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
