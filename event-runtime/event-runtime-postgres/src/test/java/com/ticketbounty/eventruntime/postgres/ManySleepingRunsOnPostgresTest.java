package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.PostgresEngines.Commits;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, point 7, on PostgreSQL committing as the product does (synchronous_commit on): 5,000
 * runs each sleep 3 seconds (PostgreSQL's clock) on an engine with 8 worker threads. All wake and
 * complete, over a thousand runs are asleep at the same instant (by their recorded steps), and
 * meanwhile the engine's pools never hold more live threads than the worker pool's size (counted by
 * their names, sampled throughout): a sleeping run holds no thread. The runs are submitted in
 * batches of 500.
 */
class ManySleepingRunsOnPostgresTest {
  private static final int RUNS = 5_000;
  private static final int WORKERS = 8;
  private static final int BATCH = 500;
  private static final String ENGINE = "many-sleepers";

  @EventType(name = "test/reminder.requested", version = "1.0")
  record ReminderRequested(int reminder) {}

  private PostgresEngines engines;
  private final AtomicInteger executing = new AtomicInteger();
  private final AtomicInteger mostExecuting = new AtomicInteger();
  private final AtomicLong mostAttemptThreads = new AtomicLong();
  private final AtomicLong mostStepThreads = new AtomicLong();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(EngineThreads.named("thread-sampler-"));

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("many_sleepers", WORKERS + 4, Commits.DURABLE);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    sampler.shutdownNow();
    engines.close();
  }

  @Test
  void fiveThousandSleepingRunsWakeAndCompleteOnEightThreads() throws InterruptedException {
    DurableFunction remind =
        DurableFunction.named("remind")
            .triggeredBy(ReminderRequested.class)
            .handler(
                ctx -> {
                  mostExecuting.accumulateAndGet(executing.incrementAndGet(), Math::max);
                  try {
                    ctx.step().run("before", key -> {});
                    ctx.step().sleep("nap", Duration.ofSeconds(3));
                    ctx.step().run("after", key -> {});
                    return null;
                  } finally {
                    executing.decrementAndGet();
                  }
                });
    EventCodec codec = new EventCodec(Clock.systemUTC());
    // The loop polls again after pollInterval when the pool is full: keep that short here.
    EngineSettings defaults = PostgresEngines.settings(ENGINE, WORKERS);
    EngineSettings settings =
        new EngineSettings(
            defaults.service(),
            defaults.workerId(),
            WORKERS,
            defaults.leaseFor(),
            defaults.claimBatch(),
            Duration.ofMillis(5),
            defaults.limits());
    DurableEngine engine = engines.engine(settings, codec, List.of(remind));
    sampler.scheduleWithFixedDelay(this::sampleThreads, 0, 20, TimeUnit.MILLISECONDS);
    engines.start(engine);

    for (int from = 0; from < RUNS; from += BATCH) {
      List<EventEnvelope> batch = new ArrayList<>();
      for (int i = from; i < from + BATCH; i++) {
        batch.add(codec.envelope(new ReminderRequested(i), null));
      }
      engine.submit(batch);
    }
    // About 45 s on two shared cores with every commit flushed; the bound leaves room for a busier
    // machine, it is not what the test takes.
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                engines.count("SELECT count(*) FROM event_runtime.runs WHERE status = 'completed'")
                    == RUNS);

    assertThat(engines.count("SELECT count(*) FROM event_runtime.runs")).isEqualTo(RUNS);
    assertThat(mostExecuting.get()).isLessThanOrEqualTo(WORKERS);
    sampler.shutdown();
    assertThat(sampler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(mostAttemptThreads)
        .as("most live attempt threads: the worker pool's size, filled and never exceeded")
        .hasValue(WORKERS);
    assertThat(mostStepThreads.get())
        .as("most live step-body threads: one per attempt at most, none per sleeping run")
        .isBetween(1L, (long) WORKERS);
    assertThat(engines.count("SELECT count(*) FROM event_runtime.steps WHERE step_key = 'after'"))
        .isEqualTo(RUNS);
    assertThat(mostAsleepAtOnce())
        .as("runs between their sleep and their wake-up at the same instant")
        .isGreaterThan(1_000);
  }

  private void sampleThreads() {
    mostAttemptThreads.accumulateAndGet(
        EngineThreads.live(ENGINE + EngineThreads.ATTEMPT), Math::max);
    mostStepThreads.accumulateAndGet(EngineThreads.live(ENGINE + EngineThreads.STEP), Math::max);
  }

  /** The most runs at once between recording their sleep and running the step after it. */
  private long mostAsleepAtOnce() {
    return engines.count(
        "SELECT max(asleep) FROM (SELECT sum(delta) OVER (ORDER BY at, delta"
            + " ROWS UNBOUNDED PRECEDING) AS asleep FROM ("
            + " SELECT first_recorded_at AS at, 1 AS delta FROM event_runtime.steps"
            + " WHERE step_key = 'nap' UNION ALL"
            + " SELECT first_recorded_at, -1 FROM event_runtime.steps WHERE step_key = 'after'"
            + ") AS moments) AS running");
  }
}
