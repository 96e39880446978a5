package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step and run timeouts on PostgreSQL: a hung step gives back its worker and its concurrency slot
 * and is retried; a run that executes too long fails, while time asleep does not count.
 */
class TimeoutsOnPostgresTest {
  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId) {}

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final CountDownLatch release = new CountDownLatch(1);
  private PostgresEngines engines;

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("timeouts", 6);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    release.countDown();
    engines.close();
  }

  private UUID submit(DurableEngine engine, String orderId) {
    return engine.submit(List.of(codec.envelope(new OrderPlaced(orderId), null))).get(0).id();
  }

  /** Blocks until released, whatever interrupts it: a call stuck where interrupts do not reach. */
  private void hang() {
    boolean released = false;
    while (!released) {
      try {
        release.await();
        released = true;
      } catch (InterruptedException ignored) {
        // a socket read that ignores interrupts
      }
    }
  }

  @Test
  void aHungStepIsAbandonedAtItsTimeoutGivesBackItsSlotAndIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    DurableFunction charge =
        DurableFunction.named("charge")
            .triggeredBy(OrderPlaced.class)
            .concurrency(1)
            .retryPolicy(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100)))
            .stepTimeout(Duration.ofSeconds(1))
            .handler(
                ctx ->
                    ctx.step()
                        .run(
                            "charge",
                            String.class,
                            key -> {
                              if (calls.incrementAndGet() == 1) {
                                hang();
                              }
                              return "charged";
                            }));
    // One worker and a limit of one: the hung body would hold both for ever.
    DurableEngine engine = engines.start("worker-1", 1, charge);
    UUID first = submit(engine, "o-1");
    UUID second = submit(engine, "o-2");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                engines.status(first) == RunStatus.COMPLETED
                    && engines.status(second) == RunStatus.COMPLETED);

    assertThat(release.getCount()).as("the first body is still hung").isEqualTo(1);
    assertThat(calls).hasValue(3);
    assertThat(List.of(engines.store().steps(first).get(0), engines.store().steps(second).get(0)))
        .extracting(StepRecord::attempts)
        .as("the hung one took a second attempt")
        .containsExactlyInAnyOrder(1, 2);
    assertThat(List.of(engines.store().steps(first).get(0), engines.store().steps(second).get(0)))
        .extracting(StepRecord::memo)
        .containsOnly("{\"v\":1,\"data\":\"charged\"}");
  }

  private static void busy(Duration time) throws InterruptedException {
    Thread.sleep(time.toMillis()); // the step's own work, not the test waiting
  }

  @Test
  void aRunFailsOnceItHasExecutedLongerThanItsTimeoutAndSleepDoesNotCount() {
    DurableFunction slow =
        DurableFunction.named("slow")
            .triggeredBy(OrderPlaced.class)
            .runTimeout(Duration.ofMillis(1500))
            .handler(
                ctx -> {
                  ctx.step().run("first", key -> busy(Duration.ofMillis(600)));
                  ctx.step().sleep("rest", Duration.ofSeconds(2));
                  ctx.step().run("second", key -> busy(Duration.ofMillis(600)));
                  ctx.step().run("third", key -> busy(Duration.ofMillis(600)));
                  return "done";
                });
    DurableFunction rested =
        DurableFunction.named("rested")
            .triggeredBy(OrderPlaced.class)
            .runTimeout(Duration.ofMillis(1500))
            .handler(
                ctx -> {
                  ctx.step().run("first", key -> busy(Duration.ofMillis(300)));
                  ctx.step().sleep("rest", Duration.ofSeconds(2));
                  ctx.step().run("second", key -> busy(Duration.ofMillis(300)));
                  return "done";
                });
    DurableEngine engine = engines.start("worker-1", 2, slow, rested);
    List<RunRecord> runs = engine.submit(List.of(codec.envelope(new OrderPlaced("o-1"), null)));
    UUID slowRun =
        runs.stream().filter(r -> r.functionId().equals("slow")).findFirst().orElseThrow().id();
    UUID restedRun =
        runs.stream().filter(r -> r.functionId().equals("rested")).findFirst().orElseThrow().id();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> engines.status(slowRun).finished() && engines.status(restedRun).finished());

    assertThat(engines.status(restedRun))
        .as("1.5 s of run timeout, 0.6 s executed and 2 s asleep")
        .isEqualTo(RunStatus.COMPLETED);
    RunRecord failed = engines.store().run(slowRun).orElseThrow();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error()).contains("timeout of PT1.5S");
    assertThat(engines.store().steps(slowRun))
        .extracting(StepRecord::key)
        .as("the third step never ran to its end")
        .doesNotContain("third");
  }
}
