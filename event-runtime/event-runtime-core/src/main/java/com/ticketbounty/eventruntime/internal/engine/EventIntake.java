package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.codec.SealScope;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import com.ticketbounty.eventruntime.spi.Correlation;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.OpenWait;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import com.ticketbounty.eventruntime.spi.StoredEvent;
import com.ticketbounty.eventruntime.spi.WaitRecord;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events in: starts a run for every function whose trigger and filter accept the event (one
 * per (function, event id), however often it is submitted), and stores events that some function
 * waits for, resolving the waits they match.
 */
public final class EventIntake {
  private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

  private final EngineParts parts;
  private final Scheduler scheduler;

  EventIntake(EngineParts parts, Scheduler scheduler) {
    this.parts = parts;
    this.scheduler = scheduler;
  }

  /**
   * @return the runs the events started (or had already started)
   * @throws IllegalArgumentException when an event is over {@link Limits#maxEventBytes()}
   */
  public List<RunRecord> submit(List<EventEnvelope> events) {
    return submit(events, function -> true, false);
  }

  /**
   * Like {@link #submit(List)}, for the functions {@code scope} accepts only: a function's queue
   * delivers an event once per function that binds it, so each delivery starts that function's run
   * and stores the event only if that function waits for it.
   *
   * @param handOff whether runs may be created leased to this instance and started at once (see
   *     {@link #create}); the answer then holds only the runs created queued or found existing
   */
  List<RunRecord> submit(
      List<EventEnvelope> events, Predicate<DurableFunction> scope, boolean handOff) {
    Context current = Context.current();
    return take(events.stream().map(event -> new Arrival(event, current)).toList(), scope, handOff);
  }

  /**
   * Like {@link #submit(List, Predicate, boolean)}, each run a child of its own event's context:
   * the events of a delivery batch are taken in together, each under the message it came in. Every
   * run and stored event of the batch is written in one transaction of each kind.
   */
  List<RunRecord> take(List<Arrival> arrivals, Predicate<DurableFunction> scope, boolean handOff) {
    List<NewRun> runs = new ArrayList<>();
    List<StoredEvent> stored = new ArrayList<>();
    Instant now = null;
    for (Arrival arrival : arrivals) {
      EventEnvelope event = arrival.event();
      // Encoded once: the size check, every run it starts and the stored copy share the text.
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
          runs.add(parts.newRuns().under(arrival.context(), function, event, encoded));
        }
      }
      if (parts.functions().all().stream()
          .anyMatch(f -> scope.test(f) && f.waitsFor().contains(event.name()))) {
        now = now == null ? parts.store().now() : now;
        stored.add(new StoredEvent(event.id(), event.name(), encoded, now));
      }
    }
    List<RunRecord> created = handOff ? handOff(runs) : create(runs);
    if (!stored.isEmpty()) {
      // Only events stored for the first time resolve waits: a redelivered one already did.
      Set<UUID> fresh = parts.store().storeEvents(stored);
      resolveWaits(stored.stream().filter(event -> fresh.contains(event.id())).toList());
    }
    return created;
  }

  /** An event to take in and the context its run is made under (the message it came in). */
  record Arrival(EventEnvelope event, Context context) {}

  private List<RunRecord> create(List<NewRun> runs) {
    return runs.isEmpty() ? List.of() : parts.store().createRuns(runs);
  }

  /**
   * Creates the runs, those it can already leased to this instance, whose first attempts start at
   * once on workers the scheduler reserved: no claim, no wake-up, no queueing. A run can be leased
   * so only when its function has no concurrency limit (its slot is counted at a claim) and it is
   * not made to fail at its first attempt; the rest, and runs the store did not create (they
   * existed: a redelivery), go through {@link #create}.
   *
   * @return the runs created queued or found existing; the leased ones are already started
   */
  private List<RunRecord> handOff(List<NewRun> runs) {
    List<NewRun> leasable =
        runs.stream()
            .filter(
                run ->
                    run.failure() == null
                        && !parts.functions().limits().containsKey(run.functionId()))
            .toList();
    int room = leasable.isEmpty() ? 0 : scheduler.reserve(leasable.size());
    if (room == 0) {
      return create(runs);
    }
    List<RunRecord> leased;
    try {
      leased =
          parts
              .store()
              .createLeasedRuns(
                  leasable.subList(0, room),
                  parts.settings().workerId(),
                  parts.settings().leaseFor());
    } catch (RuntimeException e) {
      scheduler.release(room);
      throw e;
    }
    scheduler.release(room - leased.size());
    // Started before anything else can fail: a leased run left unstarted would wait out its lease.
    scheduler.start(leased);
    Set<UUID> started = leased.stream().map(RunRecord::id).collect(Collectors.toSet());
    return create(runs.stream().filter(run -> !started.contains(run.id())).toList());
  }

  private boolean accepts(DurableFunction function, EventEnvelope event) {
    return function.triggers().stream()
        .anyMatch(
            t ->
                t instanceof Trigger.OnEvent on
                    && on.event().equals(event.name())
                    && on.filter().map(f -> parts.expressions().accepts(f, event)).orElse(true));
  }

  /**
   * Matches new events against the open waits they may resolve — one query per event name for the
   * batch, each run's trigger read with its wait — and resolves every match in one transaction. A
   * run is resolved by at most one event of the batch, the earliest. The store finds a wait with a
   * correlation by the values the events have (through an index); CEL still decides every match,
   * and is spared the pairs whose correlation already rules the event out.
   */
  private void resolveWaits(List<StoredEvent> events) {
    Map<UUID, EventEnvelope> candidates = new HashMap<>();
    Map<UUID, Set<Correlation>> values = new HashMap<>();
    Map<String, Set<Correlation>> valuesByName = new LinkedHashMap<>();
    for (StoredEvent stored : events) {
      EventEnvelope candidate = decode(stored.event());
      Set<Correlation> fields = parts.expressions().correlations(candidate);
      candidates.put(stored.id(), candidate);
      values.put(stored.id(), fields);
      valuesByName.computeIfAbsent(stored.name(), name -> new HashSet<>()).addAll(fields);
    }
    Map<String, List<OpenWait>> waitsByName = new HashMap<>();
    valuesByName.forEach(
        (name, fields) -> waitsByName.put(name, parts.store().waits(name, fields)));
    Map<UUID, EventEnvelope> triggers = new HashMap<>();
    Map<UUID, Resolution> resolutions = new LinkedHashMap<>();
    for (StoredEvent stored : events) {
      for (OpenWait open : waitsByName.get(stored.name())) {
        UUID runId = open.registered().step().runId();
        Correlation correlation = open.registered().correlation();
        if (resolutions.containsKey(runId)
            || (correlation != null && !values.get(stored.id()).contains(correlation))) {
          continue;
        }
        EventEnvelope trigger = triggers.computeIfAbsent(runId, id -> decode(open.runEvent()));
        if (matches(open.registered(), trigger, candidates.get(stored.id()))) {
          resolutions.put(runId, resolution(open.registered(), stored));
        }
      }
    }
    if (!resolutions.isEmpty()) {
      parts.store().resolve(List.copyOf(resolutions.values()));
    }
  }

  /**
   * Whether the candidate resolves the wait. A match that does not compile cannot have been
   * registered by this version (it is compiled when its step is reached); one registered by an
   * older version resolves nothing instead of failing every event of its name.
   */
  private boolean matches(WaitRecord wait, EventEnvelope trigger, EventEnvelope candidate) {
    if (trigger.id().equals(candidate.id())) {
      return false;
    }
    try {
      return parts.expressions().matches(wait.match(), trigger, candidate);
    } catch (IllegalArgumentException e) {
      LOG.warn("The wait of run {} has a bad match: {}", wait.step().runId(), e.getMessage());
      return false;
    }
  }

  /**
   * The wait's step completed with the event; its wake time is where a later wait looks back to.
   */
  private Resolution resolution(WaitRecord wait, StoredEvent event) {
    String memo =
        parts
            .memos()
            .data(
                new SealScope.Memo(wait.step().runId(), wait.step().stepKey()),
                parts.memos().mapper().readTree(event.event()));
    return new Resolution(
        wait.step(),
        new StepWrite(wait.step().stepKey(), StepStatus.COMPLETED, 1, memo, event.storedAt()));
  }

  private EventEnvelope decode(String event) {
    try {
      return parts.codec().decode(event.getBytes(StandardCharsets.UTF_8));
    } catch (UndecodableEventException e) {
      throw new IllegalStateException("a stored event cannot be read: " + e.getMessage(), e);
    }
  }
}
