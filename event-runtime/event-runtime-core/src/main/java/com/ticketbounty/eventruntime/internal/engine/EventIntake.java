package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import com.ticketbounty.eventruntime.internal.SealScope;
import com.ticketbounty.eventruntime.internal.UndecodableEventException;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import com.ticketbounty.eventruntime.spi.StoredEvent;
import com.ticketbounty.eventruntime.spi.WaitRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Takes events in: starts a run for every function whose trigger and filter accept the event (one
 * per (function, event id), however often it is submitted), and stores events that some function
 * waits for, resolving the waits they match.
 */
public final class EventIntake {
  private final EngineParts parts;

  EventIntake(EngineParts parts) {
    this.parts = parts;
  }

  /**
   * @return the runs the events started (or had already started)
   * @throws IllegalArgumentException when an event is over {@link Limits#maxEventBytes()}
   */
  public List<RunRecord> submit(List<EventEnvelope> events) {
    return submit(events, function -> true);
  }

  /**
   * Like {@link #submit(List)}, for the functions {@code scope} accepts only: a function's queue
   * delivers an event once per function that binds it, so each delivery starts that function's run
   * and stores the event only if that function waits for it.
   */
  List<RunRecord> submit(List<EventEnvelope> events, Predicate<DurableFunction> scope) {
    List<NewRun> runs = new ArrayList<>();
    List<StoredEvent> stored = new ArrayList<>();
    for (EventEnvelope event : events) {
      String encoded = parts.codec().encode(event);
      int max = parts.settings().limits().maxEventBytes();
      if (Memos.bytes(encoded) > max) {
        throw new IllegalArgumentException(
            "event "
                + event.name()
                + " "
                + event.id()
                + " is "
                + Memos.bytes(encoded)
                + " bytes, over the limit of "
                + max
                + " (Limits.maxEventBytes)");
      }
      for (DurableFunction function : parts.functions().triggeredBy(event)) {
        if (scope.test(function) && accepts(function, event)) {
          runs.add(parts.newRuns().of(function, event, null));
        }
      }
      if (parts.functions().all().stream()
          .anyMatch(f -> scope.test(f) && f.waitsFor().contains(event.name()))) {
        stored.add(new StoredEvent(event.id(), event.name(), encoded, parts.store().now()));
      }
    }
    List<RunRecord> created = runs.isEmpty() ? List.of() : parts.store().createRuns(runs);
    if (!stored.isEmpty()) {
      parts.store().storeEvents(stored);
      events.forEach(this::resolveWaits);
    }
    return created;
  }

  private boolean accepts(DurableFunction function, EventEnvelope event) {
    return function.triggers().stream()
        .anyMatch(
            t ->
                t instanceof Trigger.OnEvent on
                    && on.event().equals(event.name())
                    && on.filter().map(f -> parts.expressions().accepts(f, event)).orElse(true));
  }

  private void resolveWaits(EventEnvelope event) {
    List<Resolution> resolutions = new ArrayList<>();
    for (WaitRecord wait : parts.store().waits(event.name())) {
      resolution(wait, event).ifPresent(resolutions::add);
    }
    if (!resolutions.isEmpty()) {
      parts.store().resolve(resolutions);
    }
  }

  /**
   * Looks again for stored events matching waits just registered: one stored while the attempt that
   * registered them was still running found neither the wait nor a resolvable run.
   */
  void recheck(List<WaitRecord> waits) {
    List<Resolution> resolutions = new ArrayList<>();
    for (WaitRecord wait : waits) {
      RunRecord run = parts.store().run(wait.step().runId()).orElseThrow();
      parts.store().events(wait.eventName(), run.createdAt()).stream()
          .map(stored -> resolution(wait, decode(stored.event())))
          .flatMap(Optional::stream)
          .findFirst()
          .ifPresent(resolutions::add);
    }
    if (!resolutions.isEmpty()) {
      parts.store().resolve(resolutions);
    }
  }

  private Optional<Resolution> resolution(WaitRecord wait, EventEnvelope candidate) {
    Optional<RunRecord> run = parts.store().run(wait.step().runId());
    if (run.isEmpty()) {
      return Optional.empty();
    }
    EventEnvelope trigger = decode(run.get().event());
    if (trigger.id().equals(candidate.id())
        || !parts.expressions().matches(wait.match(), trigger, candidate)) {
      return Optional.empty();
    }
    String memo =
        parts
            .memos()
            .data(
                new SealScope.Memo(wait.step().runId(), wait.step().stepKey()),
                parts.memos().mapper().readTree(parts.codec().encode(candidate)));
    return Optional.of(
        new Resolution(
            wait.step(),
            new StepWrite(wait.step().stepKey(), StepStatus.COMPLETED, 1, memo, null)));
  }

  private EventEnvelope decode(String event) {
    try {
      return parts.codec().decode(event.getBytes(StandardCharsets.UTF_8));
    } catch (UndecodableEventException e) {
      throw new IllegalStateException("a stored event cannot be read: " + e.getMessage(), e);
    }
  }
}
