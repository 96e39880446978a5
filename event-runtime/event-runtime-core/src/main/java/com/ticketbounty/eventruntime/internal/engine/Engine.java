package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.SchemaVersion;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.StepOverrides;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.Replay;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * One service's durable-function engine: event intake, the scheduler and the operations on runs. It
 * does not own threads; {@link EngineLoop} drives it in production, the test kit drives it step by
 * step.
 */
public final class Engine {
  /** The name of the event a cron run starts with. */
  public static final String CRON_TICK_EVENT = "runtime/cron.tick";

  private final EngineParts parts;
  private final DueTimes due;
  private final EventIntake intake;
  private final Scheduler scheduler;

  private Engine(EngineParts parts, DueTimes due, Executor workers) {
    this.parts = parts;
    this.due = due;
    this.scheduler = new Scheduler(parts, new AttemptExecutor(parts), workers, due);
    this.intake = new EventIntake(parts, scheduler);
  }

  /**
   * @param workers runs attempts; at most {@link EngineSettings#workers()} are handed to it at once
   * @param branches runs the bodies of steps, which attempts wait for up to their timeouts: it must
   *     start each at once (an elastic pool), since time queued counts against a step's timeout,
   *     and a body abandoned at its timeout keeps its thread
   */
  public static Engine create(
      RunStore store,
      Collection<DurableFunction> functions,
      EventExpressions expressions,
      EngineSettings settings,
      RandomGenerator random,
      StepOverrides overrides,
      Executor workers,
      Executor branches) {
    return create(
        store,
        functions,
        expressions,
        settings,
        random,
        overrides,
        workers,
        branches,
        new EventCodec(Clock.systemUTC()));
  }

  /**
   * @param codec reads and writes events; the service's own, so that sealed fields are opened for
   *     the function and sealed in the events it sends
   */
  public static Engine create(
      RunStore store,
      Collection<DurableFunction> functions,
      EventExpressions expressions,
      EngineSettings settings,
      RandomGenerator random,
      StepOverrides overrides,
      Executor workers,
      Executor branches,
      EventCodec codec) {
    return create(
        store,
        functions,
        expressions,
        settings,
        random,
        overrides,
        workers,
        branches,
        codec,
        EngineTelemetry.NONE);
  }

  /**
   * @param telemetry the spans and meters of this engine's runs, attempts and steps
   */
  public static Engine create(
      RunStore store,
      Collection<DurableFunction> functions,
      EventExpressions expressions,
      EngineSettings settings,
      RandomGenerator random,
      StepOverrides overrides,
      Executor workers,
      Executor branches,
      EventCodec codec,
      EngineTelemetry telemetry) {
    Memos memos = new Memos(codec.sensitiveFields().orElse(null));
    DueTimes due = new DueTimes();
    EngineParts parts =
        new EngineParts(
            // Every part writes through it, so that each write making a run due signals the loop.
            new SignallingRunStore(store, due),
            new Functions(functions, new FailureFunctions(codec, memos)),
            codec,
            memos,
            expressions,
            settings,
            random,
            overrides,
            branches,
            new NewRuns(codec, expressions, telemetry),
            telemetry);
    return new Engine(parts, due, workers);
  }

  public List<RunRecord> submit(List<EventEnvelope> events) {
    return intake.submit(events);
  }

  /**
   * Takes in events delivered on one function's queue: starts that function's runs (one per
   * (function, event id)) and stores the events it waits for, resolving matching waits. While the
   * engine is started and has a free worker (and no backlog), a new run of a function without a
   * concurrency limit is created already leased to this instance and its first attempt starts at
   * once, instead of being queued for a claim.
   *
   * @return the runs created queued or found existing (not those started at once)
   * @throws IllegalArgumentException when {@code functionId} is unknown or an event is over {@link
   *     Limits#maxEventBytes()}
   */
  public List<RunRecord> submitTo(String functionId, List<EventEnvelope> events) {
    DurableFunction target = function(functionId);
    return intake.submit(events, function -> function == target, true);
  }

  /**
   * Like {@link #submitTo}, each event's runs made under its own context (the message it came in):
   * a delivery batch taken in at once.
   */
  List<RunRecord> takeIn(String functionId, List<EventIntake.Arrival> arrivals) {
    DurableFunction target = function(functionId);
    return intake.take(arrivals, function -> function == target, true);
  }

  /**
   * Starts a cron function's run for {@code tick} at once without recording the tick: an operator's
   * trigger, whose instant is no scheduled tick. Scheduled ticks go through {@link
   * RunStore#startCronTick} with {@link #cronRun}.
   */
  public RunRecord startCron(String functionId, Instant tick) {
    return parts.store().createRuns(List.of(cronRun(functionId, tick))).get(0);
  }

  /**
   * The run of a cron function for one tick, with the synthetic event {@link #CRON_TICK_EVENT}
   * ({@code data.tick} the tick, ISO-8601). The event id is derived from (function, tick), so the
   * same tick always names the same run.
   */
  public NewRun cronRun(String functionId, Instant tick) {
    DurableFunction function = function(functionId);
    EventEnvelope event =
        new EventEnvelope(
            NewRuns.derivedId("cron/" + functionId + "/" + tick),
            CRON_TICK_EVENT,
            new SchemaVersion(1, 0),
            tick,
            parts.memos().mapper().createObjectNode().put("tick", tick.toString()),
            null);
    // A tick is a cause of its own: its run starts a new trace.
    return parts.newRuns().cron(function, event);
  }

  private DurableFunction function(String functionId) {
    return parts
        .functions()
        .find(functionId)
        .orElseThrow(() -> new IllegalArgumentException("no function " + functionId));
  }

  /** The store's time. */
  public Instant now() {
    return parts.store().now();
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  /** When the loop should look for due runs besides its poll; see {@link EngineLoop}. */
  DueTimes dueTimes() {
    return due;
  }

  public Functions functions() {
    return parts.functions();
  }

  /**
   * Requeues a failed run from its failed step: that step's record and every later one are dropped,
   * earlier finished steps stay, so their effects (and their sent events) are not repeated.
   *
   * <p>Replay carries through {@code invoke}, so that neither side is left waiting for the other:
   * when the failed step is an invoke whose run failed, that run is replayed too (from its own
   * failed step, and so on down) and the step waits for it again; when the run was invoked by a
   * step of a run that failed there, that run is replayed too, waiting on that step (and so on up).
   * All of it is one store transaction.
   *
   * @return false when the run is not failed
   */
  public boolean replay(UUID runId) {
    RunRecord run = parts.store().run(runId).orElse(null);
    if (run == null || run.status() != RunStatus.FAILED) {
      return false;
    }
    List<Replay> replays = new ArrayList<>(down(run));
    replays.addAll(up(run));
    return parts.store().replay(replays);
  }

  /** The run's own replay, and the replays of the failed runs its failed step invoked. */
  private List<Replay> down(RunRecord run) {
    String from = replayPoint(run);
    RunRecord invoked =
        parts.store().invokedBy(new ParentStep(run.id(), from)).stream().findFirst().orElse(null);
    if (invoked == null || invoked.status() != RunStatus.FAILED) {
      return List.of(new Replay(run.id(), from, null));
    }
    List<Replay> replays = new ArrayList<>();
    replays.add(new Replay(run.id(), from, PausingSteps.NEVER));
    replays.addAll(down(invoked));
    return replays;
  }

  /** The replays of the runs above that failed at the very step that invoked this one. */
  private List<Replay> up(RunRecord run) {
    ParentStep invoker = run.parent();
    if (invoker == null) {
      return List.of();
    }
    RunRecord parent = parts.store().run(invoker.runId()).orElse(null);
    if (parent == null
        || parent.status() != RunStatus.FAILED
        || !replayPoint(parent).equals(invoker.stepKey())) {
      return List.of();
    }
    List<Replay> replays = new ArrayList<>();
    replays.add(new Replay(parent.id(), invoker.stepKey(), PausingSteps.NEVER));
    replays.addAll(up(parent));
    return replays;
  }

  /** The run's earliest failed step, or the body when no step failed. */
  private String replayPoint(RunRecord run) {
    return parts.store().steps(run.id()).stream()
        .filter(step -> step.status() == StepStatus.FAILED)
        .min(Comparator.comparingLong(StepRecord::sequence))
        .map(StepRecord::key)
        .orElse(AttemptExecutor.BODY_KEY);
  }

  /**
   * Cancels a run; an attempt in flight stops at its next step. Cancel carries through {@code
   * invoke}: the runs it invoked are cancelled with it, and a step that invoked it fails (the
   * invoking run may catch that like any step failure).
   */
  public boolean cancel(UUID runId) {
    RunRecord run = parts.store().run(runId).orElse(null);
    boolean cancelled =
        parts.store().cancel(runId, parts.memos().error("invoked run " + runId + " was cancelled"));
    if (cancelled && run != null) {
      parts.telemetry().meters().runEnded(run.functionId(), RunStatus.CANCELLED, null);
    }
    return cancelled;
  }
}
