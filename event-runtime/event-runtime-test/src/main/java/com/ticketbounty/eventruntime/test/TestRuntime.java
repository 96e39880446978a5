package com.ticketbounty.eventruntime.test;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.EventKeys;
import com.ticketbounty.eventruntime.codec.FieldCipher;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The engine in memory, driven by the test: register functions, send events, {@link
 * #advance(Duration) advance} the clock, and inspect runs, steps and the outbox. Nothing waits in
 * real time: every attempt runs on the calling thread, until no run is due. Events written to the
 * outbox are delivered back to the registered functions, as the broker would. Sensitive fields are
 * sealed and opened as in a service, with a random key of the runtime's own.
 */
public final class TestRuntime {
  public static final Instant EPOCH = Instant.parse("2030-01-01T00:00:00Z");

  private final TestClock clock = new TestClock(EPOCH);
  private final InMemoryRunStore store = new InMemoryRunStore(clock);
  private final EventCodec codec =
      new EventCodec(clock, new FieldCipher(EventKeys.random(), false));
  private final StepMocks mocks = new StepMocks();
  private final List<DurableFunction> functions = new ArrayList<>();
  private Limits limits = Limits.DEFAULTS;
  private long seed = 42;
  private OpenTelemetry openTelemetry = OpenTelemetry.noop();
  private @Nullable MeterRegistry meterRegistry;
  private @Nullable DurableEngine engine;
  private int delivered;

  public TestRuntime register(DurableFunction... added) {
    functions.addAll(List.of(added));
    engine = null;
    return this;
  }

  /** Plays a deploy of new code: the same store and clock, these functions instead. */
  public TestRuntime redeploy(DurableFunction... newFunctions) {
    functions.clear();
    return register(newFunctions);
  }

  public TestRuntime limits(Limits newLimits) {
    limits = newLimits;
    engine = null;
    return this;
  }

  /** Seeds the retry jitter (42 unless set), so backoff delays repeat from run to run. */
  public TestRuntime seed(long newSeed) {
    seed = newSeed;
    engine = null;
    return this;
  }

  /** Where the engine's spans and meters go (none unless set): to test what a run shows. */
  public TestRuntime telemetry(OpenTelemetry newOpenTelemetry, @Nullable MeterRegistry registry) {
    openTelemetry = newOpenTelemetry;
    meterRegistry = registry;
    engine = null;
    return this;
  }

  /**
   * The engine the runtime drives: on the in-memory store, every attempt and step body on the
   * calling thread. Rebuilt after {@link #register}, {@link #redeploy}, {@link #limits} or {@link
   * #seed}, as a restarted service would be.
   */
  public DurableEngine engine() {
    if (engine == null) {
      EngineSettings settings = EngineSettings.defaults("test", "test-worker").withLimits(limits);
      DurableEngine.Builder builder =
          DurableEngine.builder(store, settings)
              .codec(codec)
              .functions(functions)
              .random(new Random(seed))
              .stepOverrides(mocks)
              .executors(Runnable::run, Runnable::run)
              .openTelemetry(openTelemetry);
      if (meterRegistry != null) {
        builder.meterRegistry(meterRegistry);
      }
      engine = builder.build();
    }
    return engine;
  }

  /** Sends a contract record as a new event, then runs until idle. */
  public EventEnvelope send(Object contract) {
    return send(contract, null);
  }

  public EventEnvelope send(Object contract, @Nullable EventUser user) {
    EventEnvelope event = codec.envelope(contract, user);
    send(event);
    return event;
  }

  /** Submits an event as it arrived (send it twice to play a redelivery), then runs until idle. */
  public List<RunRecord> send(EventEnvelope event) {
    List<RunRecord> runs = engine().submit(List.of(event));
    runUntilIdle();
    return runs;
  }

  /**
   * Moves the clock on by {@code duration} as real time would pass: it stops at every due time on
   * the way (a retry that fails again, a sleep that ends) and runs what became due there.
   */
  public void advance(Duration duration) {
    Instant target = clock.instant().plus(duration);
    runUntilIdle();
    Optional<Instant> next = nextDue(target);
    while (next.isPresent()) {
      clock.advance(Duration.between(clock.instant(), next.get()));
      runUntilIdle();
      next = nextDue(target);
    }
    clock.advance(Duration.between(clock.instant(), target));
    runUntilIdle();
  }

  private Optional<Instant> nextDue(Instant target) {
    return store.runs().stream()
        .filter(run -> !run.status().finished())
        .map(run -> run.status() == RunStatus.RUNNING ? run.leaseExpiresAt() : run.dueAt())
        .filter(due -> due != null && due.isAfter(clock.instant()) && !due.isAfter(target))
        .min(Comparator.naturalOrder());
  }

  /** Delivers new outbox events and executes due runs until there is nothing left to do. */
  public void runUntilIdle() {
    for (int round = 0; round < 100_000; round++) {
      boolean delivering = deliverOutbox();
      if (engine().pollOnce() == 0 && !delivering) {
        return;
      }
    }
    throw new IllegalStateException("the runtime did not become idle: a function loops");
  }

  private boolean deliverOutbox() {
    List<OutboxMessage> outbox = store.outbox();
    List<EventEnvelope> events = new ArrayList<>();
    for (; delivered < outbox.size(); delivered++) {
      events.add(decode(outbox.get(delivered).body()));
    }
    if (!events.isEmpty()) {
      engine().submit(events);
    }
    return !events.isEmpty();
  }

  /** Replaces a step's body: it returns {@code value} instead of running. */
  public void mockStep(String functionId, String stepKey, @Nullable Object value) {
    mocks.put(functionId, stepKey, key -> value);
  }

  /** Replaces a step's body: it throws {@code failure} instead of running. */
  public void mockStepFailure(String functionId, String stepKey, Exception failure) {
    mocks.put(
        functionId,
        stepKey,
        key -> {
          throw failure;
        });
  }

  /** The next time the step runs, its worker "dies" inside it (see {@link SimulatedCrash}). */
  public void crashWorkerIn(String functionId, String stepKey) {
    mocks.put(
        functionId,
        stepKey,
        key -> {
          mocks.remove(functionId, stepKey);
          throw new SimulatedCrash(functionId + "/" + stepKey);
        });
  }

  public boolean replay(UUID runId) {
    boolean replayed = engine().replay(runId);
    runUntilIdle();
    return replayed;
  }

  public boolean cancel(UUID runId) {
    return engine().cancel(runId);
  }

  /** The codec the runtime seals and opens events with: to build or read an event by hand. */
  public EventCodec codec() {
    return codec;
  }

  public TestClock clock() {
    return clock;
  }

  public InMemoryRunStore store() {
    return store;
  }

  public RunRecord run(UUID runId) {
    return store.run(runId).orElseThrow(() -> new AssertionError("no run " + runId));
  }

  public List<RunRecord> runs(String functionId) {
    return store.runs().stream().filter(run -> run.functionId().equals(functionId)).toList();
  }

  /** The only run of a function; fails when there is not exactly one. */
  public RunRecord onlyRun(String functionId) {
    List<RunRecord> runs = runs(functionId);
    if (runs.size() != 1) {
      throw new AssertionError(functionId + " has " + runs.size() + " runs, expected one");
    }
    return runs.get(0);
  }

  public List<StepRecord> steps(UUID runId) {
    return store.steps(runId);
  }

  /** Events the functions sent (and the runtime published), oldest first. */
  public List<EventEnvelope> sentEvents() {
    return store.outbox().stream().map(message -> decode(message.body())).toList();
  }

  private EventEnvelope decode(String body) {
    try {
      return codec.decode(body.getBytes(StandardCharsets.UTF_8));
    } catch (UndecodableEventException e) {
      throw new IllegalStateException("the outbox holds an unreadable event: " + e.getMessage(), e);
    }
  }
}
