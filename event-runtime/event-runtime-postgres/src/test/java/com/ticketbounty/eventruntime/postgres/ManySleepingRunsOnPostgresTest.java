package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, point 7, on PostgreSQL: 5,000 runs each sleep 3 seconds (PostgreSQL's clock) on an
 * engine with 8 worker threads. All wake and complete, no more than 8 bodies ever execute at once,
 * and over a thousand runs are asleep at the same instant (by their recorded steps): a sleeping run
 * holds no thread. The runs are submitted in batches of 500.
 */
class ManySleepingRunsOnPostgresTest {
  private static final int RUNS = 5_000;
  private static final int WORKERS = 8;
  private static final int BATCH = 500;

  @EventType(name = "test/reminder.requested", version = "1.0")
  record ReminderRequested(int reminder) {}

  private PostgresEngines engines;
  private final AtomicInteger executing = new AtomicInteger();
  private final AtomicInteger mostExecuting = new AtomicInteger();

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("many_sleepers", WORKERS + 4);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  @Test
  void fiveThousandSleepingRunsWakeAndCompleteOnEightThreads() {
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
    EngineSettings defaults = PostgresEngines.settings("worker-1", WORKERS);
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
    engines.start(engine);

    for (int from = 0; from < RUNS; from += BATCH) {
      List<EventEnvelope> batch = new ArrayList<>();
      for (int i = from; i < from + BATCH; i++) {
        batch.add(codec.envelope(new ReminderRequested(i), null));
      }
      engine.submit(batch);
    }
    await()
        .atMost(Duration.ofSeconds(50))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                engines.count("SELECT count(*) FROM event_runtime.runs WHERE status = 'completed'")
                    == RUNS);

    assertThat(engines.count("SELECT count(*) FROM event_runtime.runs")).isEqualTo(RUNS);
    assertThat(mostExecuting.get()).isLessThanOrEqualTo(WORKERS);
    assertThat(engines.count("SELECT count(*) FROM event_runtime.steps WHERE step_key = 'after'"))
        .isEqualTo(RUNS);
    assertThat(mostAsleepAtOnce())
        .as("runs between their sleep and their wake-up at the same instant")
        .isGreaterThan(1_000);
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
