package com.ticketbounty.eventruntime.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.internal.engine.CelExpressions;
import com.ticketbounty.eventruntime.internal.engine.CronScheduler;
import com.ticketbounty.eventruntime.internal.engine.Engine;
import com.ticketbounty.eventruntime.internal.engine.EngineLoop;
import com.ticketbounty.eventruntime.internal.engine.EngineTelemetry;
import com.ticketbounty.eventruntime.internal.engine.FunctionDispatcher;
import com.ticketbounty.eventruntime.spi.MessageSource;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable-function engine of one service instance, assembled without a framework: a {@link
 * RunStore}, the functions, the codec and the {@link EngineSettings}. The Spring starter and the
 * test kit both build theirs here; nothing else in the runtime is needed to run functions.
 *
 * <pre>{@code
 * OutboxSignal outboxCommitted = new OutboxSignal();   // wakes the relay after a step's sendEvent
 * DurableEngine engine =
 *     DurableEngine.builder(new PostgresRunStore(dataSource, outboxCommitted),
 *             EngineSettings.defaults("billing", id))
 *         .codec(codec)
 *         .functions(List.of(chargeCustomer, sendReceipt))
 *         .build();
 * engine.start();                       // claims due runs, renews leases, starts cron ticks
 * outboxCommitted.onCommitted(relay::wakeUp);   // the OutboxRelay publishing the outbox
 * messages.subscribe(id, DurableEngine.boundEvents(f), engine.intake(f));   // a function's queue
 * …
 * engine.shutdown(Duration.ofSeconds(10));   // graceful: lets running attempts end, then stops
 * }</pre>
 *
 * <p>Threads: attempts run on a fixed pool of {@link EngineSettings#workers()} platform threads
 * ({@code <service>-attempt-<n>}), and each step body on a thread of its own from an elastic pool
 * ({@code <service>-step-<n>}). An attempt waiting for its step (a provider's answer, a sleep in
 * the body) holds a thread but no database connection, so {@code workers} bounds the attempts in
 * flight, not the connections: the store's connections are bounded by its pool (see {@code
 * ConnectionLimit} in event-runtime-postgres). A body abandoned at its timeout keeps its thread
 * without taking one from the next. Not virtual threads: a step body is the caller's code, and on
 * Java 25 a virtual thread that loads a class pins its carrier; bodies loading classes at once
 * behind a lock held by an unmounted virtual thread (Spring Boot's nested-jar loader has one) can
 * pin every carrier and stop the JVM's virtual threads for good. docs/event-runtime.md tells the
 * case. The engine owns and closes these executors unless the builder is given executors of its own
 * (virtual ones, if the caller's code is known to be safe on them); a test passes {@code
 * Runnable::run} for both and drives the engine with {@link #pollOnce()}.
 */
public final class DurableEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DurableEngine.class);

  private final Engine engine;
  private final RunStore store;
  private final EngineSettings settings;
  private final EventCodec codec;
  private final CronScheduler cron;
  private final Duration cronPollInterval;
  private final List<ExecutorService> owned;
  private @Nullable EngineLoop loop;
  private RunStore.@Nullable Subscription wakes;
  private @Nullable ScheduledExecutorService cronTimer;

  private DurableEngine(Builder builder) {
    this.settings = builder.settings;
    this.store = builder.store;
    this.codec = builder.codec;
    this.cronPollInterval = builder.cronPollInterval;
    this.owned = new ArrayList<>();
    Executor attempts = builder.attempts;
    Executor steps = builder.steps;
    // The scheduler hands out at most settings.workers() attempts at once, so a pool of that many
    // never queues one; bodies start at once, as their timeouts count from the call.
    if (attempts == null) {
      attempts =
          owned(
              Executors.newFixedThreadPool(
                  settings.workers(), named(settings.service() + "-attempt-")));
    }
    if (steps == null) {
      steps = owned(Executors.newCachedThreadPool(named(settings.service() + "-step-")));
    }
    this.engine =
        Engine.create(
            builder.store,
            builder.functions,
            new CelExpressions(),
            settings,
            builder.random,
            builder.overrides,
            attempts,
            steps,
            codec,
            new EngineTelemetry(builder.openTelemetry, builder.meterRegistry));
    this.cron = new CronScheduler(engine, builder.store);
  }

  public static Builder builder(RunStore store, EngineSettings settings) {
    return new Builder(store, settings);
  }

  /** The event names a function's queue binds: its event triggers and the events it waits for. */
  public static Set<String> boundEvents(DurableFunction function) {
    return FunctionDispatcher.boundEvents(function);
  }

  /**
   * Takes in events as they arrived (an API call, a test): starts a run per function they trigger
   * (one per (function, event id), however often submitted) and keeps the events a function waits
   * for.
   *
   * @throws IllegalArgumentException when an event is over {@link Limits#maxEventBytes()}
   */
  public List<RunRecord> submit(List<EventEnvelope> events) {
    return engine.submit(events);
  }

  /**
   * What takes the deliveries of a function's queue: the run is created (or the awaited event kept)
   * before the message is acked, and a message that can never be read is dead-lettered with its
   * reason. It is a {@link MessageSource.BatchHandler}, so a source that can takes the deliveries
   * waiting in one batch; the declared type stays {@code Handler} so that code built against an
   * earlier version of this method still links.
   */
  public MessageSource.Handler intake(DurableFunction function) {
    return new FunctionDispatcher(engine, function, codec);
  }

  /**
   * Requeues a failed run from its failed step, carrying through {@code invoke} (see the docs).
   *
   * @return false when the run is not failed
   */
  public boolean replay(UUID runId) {
    return engine.replay(runId);
  }

  /** Cancels an unfinished run and the runs it invoked; false when it is finished or unknown. */
  public boolean cancel(UUID runId) {
    return engine.cancel(runId);
  }

  /** Starts a cron function's run now, outside its schedule (an operator's trigger). */
  public RunRecord trigger(String functionId) {
    return engine.startCron(functionId, engine.now());
  }

  public Collection<DurableFunction> functions() {
    return engine.functions().all();
  }

  /** A function of this engine by id, failure handlers ({@code <id>-on-failure}) included. */
  public Optional<DurableFunction> function(String id) {
    return engine.functions().find(id);
  }

  public EngineSettings settings() {
    return settings;
  }

  /**
   * Starts working on its own threads: claims due runs, renews the leases of running attempts, and
   * starts the runs of cron ticks. A run is claimed as soon as it is due: this instance wakes its
   * loop itself for the runs it makes due (now, or at the due time it wrote), the store's {@link
   * RunStore#onDue} wakes it for runs made due elsewhere, and {@link EngineSettings#pollInterval()}
   * is only the safety net for what nothing announces.
   */
  public synchronized void start() {
    if (loop != null) {
      throw new IllegalStateException("the engine is already started");
    }
    EngineLoop started =
        new EngineLoop(
            engine,
            settings,
            Executors.newSingleThreadScheduledExecutor(named(settings.service() + "-engine-")));
    started.start();
    loop = started;
    wakes = store.onDue(started::wake);
    if (cron.hasSchedules() && !cronPollInterval.isZero() && !cronPollInterval.isNegative()) {
      ScheduledExecutorService timer =
          Executors.newSingleThreadScheduledExecutor(named(settings.service() + "-cron-"));
      // The first look catches up the missed tick; a failed look is repeated at the next one.
      timer.scheduleWithFixedDelay(
          this::pollCronGuarded, 0, cronPollInterval.toMillis(), TimeUnit.MILLISECONDS);
      cronTimer = timer;
    }
  }

  /**
   * Stops gracefully: claims nothing more and starts no cron tick, lets the running attempts end
   * for up to {@code grace} while still renewing their leases (so a step that finishes late is
   * kept, not fenced off and run again elsewhere), then stops renewing and closes its own pools. An
   * attempt still running then is abandoned: its run resumes elsewhere once its lease expires.
   *
   * @return whether every attempt ended within the grace period
   */
  public boolean shutdown(Duration grace) {
    EngineLoop stopping;
    RunStore.Subscription listening;
    synchronized (this) {
      stopping = loop;
      loop = null;
      listening = wakes;
      wakes = null;
      if (cronTimer != null) {
        cronTimer.shutdown();
        cronTimer = null;
      }
    }
    if (stopping != null) {
      stopping.stopClaiming();
    }
    if (listening != null) {
      listening.close();
    }
    boolean ended = awaitAttempts(grace);
    if (!ended && !grace.isZero()) {
      LOG.warn(
          "Attempts still running after {}; their runs resume when their leases expire", grace);
    }
    if (stopping != null) {
      stopping.close();
    }
    owned.forEach(ExecutorService::shutdownNow);
    return ended;
  }

  private boolean awaitAttempts(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      while (engine.scheduler().inFlight() > 0) {
        if (System.nanoTime() >= deadline) {
          return false;
        }
        Thread.sleep(20); // attempts end on their own threads; a short poll is all it takes
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops at once: no grace for running attempts (they are left to their leases). */
  @Override
  public void close() {
    shutdown(Duration.ZERO);
  }

  /**
   * Claims one batch of due runs and hands their attempts to the workers; for a test that drives
   * the engine itself (with {@code Runnable::run} executors, the attempts have ended on return).
   *
   * @return how many runs were claimed
   */
  public int pollOnce() {
    return engine.scheduler().pollOnce();
  }

  /** How many attempts are running now. */
  public int inFlight() {
    return engine.scheduler().inFlight();
  }

  /** Renews the leases of the running attempts; for a test that drives the engine itself. */
  public void renewLeases() {
    engine.scheduler().renewLeases();
  }

  /**
   * Starts the runs of the cron ticks that came since the last look (the first look also catches up
   * the tick missed while down); for a test that drives the engine itself.
   *
   * @return how many runs this instance started
   */
  public int pollCron() {
    return cron.pollOnce();
  }

  private void pollCronGuarded() {
    try {
      cron.pollOnce();
    } catch (RuntimeException e) {
      LOG.warn("Looking for cron ticks failed; trying again at the next look", e);
    }
  }

  private ExecutorService owned(ExecutorService executor) {
    owned.add(executor);
    return executor;
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** What a {@link DurableEngine} is made of; only the store and the settings are required. */
  public static final class Builder {
    private final RunStore store;
    private final EngineSettings settings;
    private EventCodec codec = new EventCodec(Clock.systemUTC());
    private final List<DurableFunction> functions = new ArrayList<>();
    private StepOverrides overrides = StepOverrides.NONE;
    private RandomGenerator random = new SecureRandom();
    private @Nullable Executor attempts;
    private @Nullable Executor steps;
    private Duration cronPollInterval = Duration.ofSeconds(1);
    private OpenTelemetry openTelemetry = OpenTelemetry.noop();
    private @Nullable MeterRegistry meterRegistry;

    private Builder(RunStore store, EngineSettings settings) {
      this.store = Objects.requireNonNull(store, "store");
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The service's codec, so that sealed fields open for its functions and are sealed in the
     * events they send; by default one without a key (no sealed fields).
     */
    public Builder codec(EventCodec newCodec) {
      codec = Objects.requireNonNull(newCodec, "codec");
      return this;
    }

    public Builder functions(Collection<DurableFunction> added) {
      functions.addAll(added);
      return this;
    }

    /** Replaces step bodies by (function, step key): the test kit's mocks. */
    public Builder stepOverrides(StepOverrides newOverrides) {
      overrides = Objects.requireNonNull(newOverrides, "overrides");
      return this;
    }

    /** The retry jitter's source: seed it in a test for repeatable backoffs. */
    public Builder random(RandomGenerator newRandom) {
      random = Objects.requireNonNull(newRandom, "random");
      return this;
    }

    /**
     * Executors of the caller's instead of the engine's own pools: {@code attempts} is handed at
     * most {@link EngineSettings#workers()} attempts at once; {@code stepBodies} must start each
     * body at once (time queued counts against a step's timeout). The caller closes them.
     */
    public Builder executors(Executor attempts, Executor stepBodies) {
      this.attempts = Objects.requireNonNull(attempts, "attempts");
      this.steps = Objects.requireNonNull(stepBodies, "stepBodies");
      return this;
    }

    /**
     * How often a {@link #start() started} engine looks for due cron ticks (default 1 s); zero for
     * none, when the caller drives them with {@link #pollCron()}.
     */
    public Builder cronPollInterval(Duration interval) {
      cronPollInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Where the engine's spans go ({@code run}, {@code attempt}, {@code step}; see
     * docs/event-runtime.md); by default {@link OpenTelemetry#noop()}, which makes none but still
     * carries the trace context of the messages it takes in to the events its runs send.
     */
    public Builder openTelemetry(OpenTelemetry newOpenTelemetry) {
      openTelemetry = Objects.requireNonNull(newOpenTelemetry, "openTelemetry");
      return this;
    }

    /** Where the engine's meters go; by default none (and no metering cost). */
    public Builder meterRegistry(MeterRegistry registry) {
      meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    public DurableEngine build() {
      return new DurableEngine(this);
    }
  }
}
