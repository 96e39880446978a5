package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end on PostgresRunStore: real sleeps and backoffs (kept short) on PostgreSQL's
 * clock. Attempts run on the polling thread, so the test drives the scheduler itself.
 */
class EngineOnPostgresTest {
  private static MigratedDatabase database;
  private static DataSource dataSource;

  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId) {}

  @BeforeAll
  static void createDatabase() {
    database = MigratedDatabase.create("engine_store", 4);
    dataSource = database.dataSource();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void aSleepingRunAndARetriedStepComplete() {
    AtomicInteger before = new AtomicInteger();
    AtomicInteger charges = new AtomicInteger();
    DurableFunction remind =
        DurableFunction.named("remind")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step().run("before", key -> before.incrementAndGet());
                  ctx.step().sleep("nap", Duration.ofMillis(500));
                  return ctx.step().run("after", String.class, key -> "reminded");
                });
    DurableFunction charge =
        DurableFunction.named("charge")
            .triggeredBy(OrderPlaced.class)
            .retryPolicy(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(400)))
            .handler(
                ctx ->
                    ctx.step()
                        .run(
                            "charge",
                            String.class,
                            key -> {
                              if (charges.incrementAndGet() < 3) {
                                throw new IllegalStateException("provider down");
                              }
                              return "charged";
                            }));
    PostgresRunStore store = new PostgresRunStore(dataSource);
    DurableEngine engine =
        DurableEngine.builder(
                store,
                new EngineSettings(
                    "test",
                    "worker-1",
                    4,
                    Duration.ofSeconds(5),
                    100,
                    Duration.ofMillis(50),
                    Limits.DEFAULTS))
            .functions(List.of(remind, charge))
            .random(new Random(42))
            .executors(Runnable::run, Runnable::run)
            .build();
    EventEnvelope event = new EventCodec(Clock.systemUTC()).envelope(new OrderPlaced("o-1"), null);

    List<RunRecord> runs = engine.submit(List.of(event));
    engine.submit(List.of(event));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              engine.pollOnce();
              return runs.stream().allMatch(run -> status(store, run.id()).finished());
            });

    RunRecord reminded = run(store, runs, "remind");
    RunRecord charged = run(store, runs, "charge");
    assertThat(runs).as("one run per function, however often the event arrives").hasSize(2);
    assertThat(reminded.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(reminded.output()).isEqualTo("{\"v\":1,\"data\":\"reminded\"}");
    assertThat(before).as("the step before the sleep is memoized").hasValue(1);
    assertThat(store.steps(reminded.id()))
        .extracting(StepRecord::key)
        .containsExactly("before", "nap", "after");
    assertThat(charged.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(charges).hasValue(3);
    assertThat(store.steps(charged.id()).get(0).attempts()).isEqualTo(3);
  }

  private static RunStatus status(PostgresRunStore store, UUID runId) {
    return store.run(runId).orElseThrow().status();
  }

  private static RunRecord run(PostgresRunStore store, List<RunRecord> runs, String functionId) {
    return runs.stream()
        .filter(run -> run.functionId().equals(functionId))
        .map(run -> store.run(run.id()).orElseThrow())
        .findFirst()
        .orElseThrow();
  }
}
