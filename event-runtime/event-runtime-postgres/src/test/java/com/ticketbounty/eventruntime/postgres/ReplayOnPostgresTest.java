package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replay and cancel on PostgreSQL: a replayed run that fails again is a new failure, and replay and
 * cancel carry through {@code invoke} in both directions.
 */
class ReplayOnPostgresTest {
  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId) {}

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private PostgresEngines engines;

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("replay", 6);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  private UUID submit(DurableEngine engine, String functionId) {
    return engine.submit(List.of(codec.envelope(new OrderPlaced("o-1"), null))).stream()
        .filter(run -> run.functionId().equals(functionId))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private void awaitStatus(UUID runId, RunStatus status) {
    await().atMost(Duration.ofSeconds(20)).until(() -> engines.status(runId) == status);
  }

  @Test
  void aReplayedRunThatFailsAgainRunsItsFailureHandlerAgain() {
    AtomicInteger alerts = new AtomicInteger();
    DurableFunction charge =
        DurableFunction.named("charge")
            .triggeredBy(OrderPlaced.class)
            .onFailure((failure, step) -> step.run("alert", key -> alerts.incrementAndGet()))
            .handler(
                ctx -> {
                  ctx.step()
                      .run(
                          "charge",
                          key -> {
                            throw new NonRetriableException("card declined");
                          });
                  return null;
                });
    DurableEngine engine = engines.start("worker-1", 2, charge);
    UUID run = submit(engine, "charge");
    awaitStatus(run, RunStatus.FAILED);
    await().atMost(Duration.ofSeconds(20)).until(() -> alerts.get() == 1);

    assertThat(engine.replay(run)).isTrue();

    await().atMost(Duration.ofSeconds(20)).until(() -> alerts.get() == 2);
    awaitStatus(run, RunStatus.FAILED);
    assertThat(
            engines.count(
                "SELECT count(DISTINCT event_id) FROM event_runtime.outbox"
                    + " WHERE event_name = 'runtime/function.failed'"))
        .as("one failure event per failure")
        .isEqualTo(2);
    assertThat(
            engines.count(
                "SELECT count(*) FROM event_runtime.runs WHERE function_id = 'charge-on-failure'"
                    + " AND status = 'completed'"))
        .isEqualTo(2);
  }

  /** A child that fails on its first execution of {@code work} and succeeds afterwards. */
  private static DurableFunction flakyChild(AtomicInteger works) {
    return DurableFunction.named("child")
        .triggeredBy("test/never.sent")
        .handler(
            ctx ->
                ctx.step()
                    .run(
                        "work",
                        String.class,
                        key -> {
                          if (works.incrementAndGet() == 1) {
                            throw new NonRetriableException("first time unlucky");
                          }
                          return "done";
                        }));
  }

  private static DurableFunction parent() {
    return DurableFunction.named("parent")
        .triggeredBy(OrderPlaced.class)
        .handler(
            ctx ->
                "child said "
                    + ctx.step()
                        .invoke("call-child", "child", Map.of("greeting", "hello"), String.class));
  }

  private RunRecord onlyRun(String functionId) {
    List<String> ids =
        engines.column(
            "SELECT id FROM event_runtime.runs WHERE function_id = '" + functionId + "'");
    assertThat(ids).hasSize(1);
    return engines.store().run(UUID.fromString(ids.get(0))).orElseThrow();
  }

  @Test
  void replayingAParentWhoseInvokedRunFailedReplaysThatRunAndGetsItsResult() {
    AtomicInteger works = new AtomicInteger();
    DurableEngine engine = engines.start("worker-1", 2, parent(), flakyChild(works));
    UUID parent = submit(engine, "parent");
    awaitStatus(parent, RunStatus.FAILED);
    RunRecord child = onlyRun("child");
    assertThat(child.status()).isEqualTo(RunStatus.FAILED);

    assertThat(engine.replay(parent)).isTrue();

    awaitStatus(parent, RunStatus.COMPLETED);
    assertThat(engines.store().run(parent).orElseThrow().output())
        .isEqualTo("{\"v\":1,\"data\":\"child said done\"}");
    assertThat(onlyRun("child").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(works).hasValue(2);
  }

  @Test
  void replayingAFailedInvokedRunCarriesOnToItsParent() {
    AtomicInteger works = new AtomicInteger();
    DurableEngine engine = engines.start("worker-1", 2, parent(), flakyChild(works));
    UUID parent = submit(engine, "parent");
    awaitStatus(parent, RunStatus.FAILED);

    assertThat(engine.replay(onlyRun("child").id())).isTrue();

    awaitStatus(parent, RunStatus.COMPLETED);
    assertThat(engines.store().run(parent).orElseThrow().output())
        .isEqualTo("{\"v\":1,\"data\":\"child said done\"}");
    assertThat(engine.replay(parent)).as("nothing left to replay").isFalse();
  }

  private static DurableFunction sleepyChild() {
    return DurableFunction.named("child")
        .triggeredBy("test/never.sent")
        .handler(
            ctx -> {
              ctx.step().sleep("nap", Duration.ofHours(1));
              return "rested";
            });
  }

  @Test
  void cancellingAnInvokedRunFailsItsParentsStep() {
    DurableEngine engine = engines.start("worker-1", 2, parent(), sleepyChild());
    UUID parent = submit(engine, "parent");
    await().atMost(Duration.ofSeconds(20)).until(() -> hasRun("child", RunStatus.SLEEPING));

    assertThat(engine.cancel(onlyRun("child").id())).isTrue();

    awaitStatus(parent, RunStatus.FAILED);
    assertThat(engines.store().run(parent).orElseThrow().error()).contains("cancelled");
  }

  @Test
  void cancellingAParentCancelsTheRunItInvoked() {
    DurableEngine engine = engines.start("worker-1", 2, parent(), sleepyChild());
    UUID parent = submit(engine, "parent");
    await().atMost(Duration.ofSeconds(20)).until(() -> hasRun("child", RunStatus.SLEEPING));

    assertThat(engine.cancel(parent)).isTrue();

    assertThat(onlyRun("child").status()).isEqualTo(RunStatus.CANCELLED);
  }

  private boolean hasRun(String functionId, RunStatus status) {
    return engines.count(
            "SELECT count(*) FROM event_runtime.runs WHERE function_id = '"
                + functionId
                + "' AND status = '"
                + status.name().toLowerCase(java.util.Locale.ROOT)
                + "'")
        == 1;
  }
}
