package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** waitForEvent on PostgreSQL: what a wait may match, and a wait that nothing may lose. */
class WaitsOnPostgresTest {
  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId) {}

  @EventType(name = "test/order.approved", version = "1.0")
  record OrderApproved(String orderId, String by) {}

  static final String SAME_ORDER = "async.data.orderId == event.data.orderId";

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private PostgresEngines engines;

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("waits", 6);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  private UUID submit(DurableEngine engine, Object contract) {
    return engine.submit(List.of(codec.envelope(contract, null))).stream()
        .findFirst()
        .map(run -> run.id())
        .orElse(null);
  }

  private List<StepRecord> steps(UUID run) {
    return engines.store().steps(run);
  }

  @Test
  void aSecondWaitInALoopDoesNotReturnTheFirstEventAgain() {
    DurableFunction approvals =
        DurableFunction.named("two-approvals")
            .triggeredBy(OrderPlaced.class)
            .waitsFor("test/order.approved")
            .handler(
                ctx -> {
                  List<String> by = new ArrayList<>();
                  for (int i = 0; i < 2; i++) {
                    Optional<EventEnvelope> approval =
                        ctx.step()
                            .waitForEvent(
                                "approval",
                                "test/order.approved",
                                SAME_ORDER,
                                Duration.ofMinutes(5));
                    by.add(approval.map(e -> e.data().get("by").asString()).orElse("nobody"));
                  }
                  return String.join(",", by);
                });
    DurableEngine engine = engines.start("worker-1", 2, approvals);
    UUID run = submit(engine, new OrderPlaced("o-1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> engines.status(run) == RunStatus.WAITING);

    engine.submit(List.of(codec.envelope(new OrderApproved("o-1", "alice"), null)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                engines.status(run) != RunStatus.RUNNING
                    && engines.status(run) != RunStatus.QUEUED
                    && steps(run).size() == 2);
    assertThat(engines.status(run)).as("the second wait waits").isEqualTo(RunStatus.WAITING);

    engine.submit(List.of(codec.envelope(new OrderApproved("o-1", "bob"), null)));
    await().atMost(Duration.ofSeconds(10)).until(() -> engines.status(run) == RunStatus.COMPLETED);
    assertThat(engines.store().run(run).orElseThrow().output())
        .isEqualTo("{\"v\":1,\"data\":\"alice,bob\"}");
  }

  private static DurableFunction waiter(String id, String match) {
    return DurableFunction.named(id)
        .triggeredBy(OrderPlaced.class)
        .waitsFor("test/order.approved")
        .handler(
            ctx ->
                ctx.step()
                    .waitForEvent("approval", "test/order.approved", match, Duration.ofMinutes(5))
                    .map(e -> e.data().get("by").asString())
                    .orElse("nobody"));
  }

  @Test
  void aWaitRowAnOlderVersionWroteWithoutACorrelationIsStillResolved() {
    DurableEngine engine = engines.start("worker-1", 2, waiter("sound", SAME_ORDER));
    UUID older = submit(engine, new OrderPlaced("o-1"));
    UUID newer = submit(engine, new OrderPlaced("o-2"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                engines.count(
                        "SELECT count(*) FROM event_runtime.waits"
                            + " WHERE correlation_value IN ('\"o-1\"', '\"o-2\"')")
                    == 2);
    // Written again as a version before V12 writes a wait: without the correlation columns.
    engines.execute(
        """
        WITH registered AS (
            DELETE FROM event_runtime.waits WHERE run_id = '%s'
            RETURNING run_id, step_key, event_name, match, timeout_at)
        INSERT INTO event_runtime.waits (run_id, step_key, event_name, match, timeout_at)
        SELECT * FROM registered
        """
            .formatted(older));
    assertThat(
            engines.count(
                "SELECT count(*) FROM event_runtime.waits WHERE correlation_path IS NULL"))
        .isEqualTo(1);

    engine.submit(List.of(codec.envelope(new OrderApproved("o-1", "alice"), null)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engines.status(older) == RunStatus.COMPLETED);
    assertThat(engines.store().run(older).orElseThrow().output())
        .isEqualTo("{\"v\":1,\"data\":\"alice\"}");
    assertThat(engines.status(newer)).isEqualTo(RunStatus.WAITING);

    engine.submit(List.of(codec.envelope(new OrderApproved("o-2", "bob"), null)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engines.status(newer) == RunStatus.COMPLETED);
  }

  @Test
  void aMalformedWaitMatchFailsOnlyItsRun() {
    DurableEngine engine =
        engines.start(
            "worker-1",
            2,
            waiter("broken", "async.data.orderId == (("),
            waiter("sound", SAME_ORDER));
    List<UUID> runs =
        engine.submit(List.of(codec.envelope(new OrderPlaced("o-1"), null))).stream()
            .map(run -> run.id())
            .toList();
    UUID broken = runs.get(0);
    UUID sound = runs.get(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                engines.status(broken) == RunStatus.FAILED
                    || engines.status(sound) == RunStatus.WAITING
                        && engines.status(broken) == RunStatus.WAITING);

    assertThatCode(
            () -> engine.submit(List.of(codec.envelope(new OrderApproved("o-1", "alice"), null))))
        .as("a later event of that name is taken in")
        .doesNotThrowAnyException();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engines.status(sound) == RunStatus.COMPLETED);
    assertThat(engines.status(broken)).isEqualTo(RunStatus.FAILED);
    assertThat(steps(broken)).extracting(StepRecord::status).containsExactly(StepStatus.FAILED);
    assertThat(engines.store().run(broken).orElseThrow().error())
        .contains("async.data.orderId == ((");
  }

  @Test
  void anEventArrivingAsItsWaitIsRegisteredWakesTheRunEvenWhenTheLookAfterwardsFails() {
    AtomicReference<Runnable> duringRegistration = new AtomicReference<>();
    AtomicBoolean failNextLook = new AtomicBoolean();
    RunStore real = engines.store();
    // The event comes in while the attempt registers its wait (after the attempt looked for it,
    // before the wait is visible); then the attempt's look once the wait committed fails.
    RunStore flaky =
        (RunStore)
            Proxy.newProxyInstance(
                RunStore.class.getClassLoader(),
                new Class<?>[] {RunStore.class},
                (proxy, method, arguments) -> {
                  if (method.getName().equals("commit")
                      && ((List<?>) arguments[0])
                          .stream().anyMatch(c -> !((Commit) c).waits().isEmpty())) {
                    Runnable arrival = duringRegistration.getAndSet(null);
                    if (arrival != null) {
                      arrival.run();
                    }
                  }
                  if (method.getName().equals("events") && failNextLook.getAndSet(false)) {
                    throw new IllegalStateException("the database is unreachable");
                  }
                  try {
                    return method.invoke(real, arguments);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    EngineSettings settings = PostgresEngines.settings("worker-1", 2);
    DurableEngine engine =
        engines.engine(settings, codec, List.of(waiter("sound", SAME_ORDER)), flaky);
    duringRegistration.set(
        () -> {
          engine.submit(List.of(codec.envelope(new OrderApproved("o-1", "alice"), null)));
          failNextLook.set(true);
        });
    engines.start(engine);

    UUID run = submit(engine, new OrderPlaced("o-1"));

    await().atMost(Duration.ofSeconds(40)).until(() -> engines.status(run) == RunStatus.COMPLETED);
    assertThat(duringRegistration.get()).as("the event came in during the registration").isNull();
    assertThat(engines.store().run(run).orElseThrow().output())
        .isEqualTo("{\"v\":1,\"data\":\"alice\"}");
  }

  @Test
  void anEventIsMatchedAgainstEveryOpenWaitInOneReadAndResolvedInOneWrite() {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    RunStore real = engines.store();
    RunStore counting =
        (RunStore)
            Proxy.newProxyInstance(
                RunStore.class.getClassLoader(),
                new Class<?>[] {RunStore.class},
                (proxy, method, arguments) -> {
                  calls
                      .computeIfAbsent(method.getName(), name -> new AtomicInteger())
                      .incrementAndGet();
                  try {
                    return method.invoke(real, arguments);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    DurableEngine engine =
        engines.engine(
            PostgresEngines.settings("worker-1", 4),
            codec,
            List.of(waiter("sound", SAME_ORDER)),
            counting);
    engines.start(engine);
    List<UUID> runs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      runs.add(submit(engine, new OrderPlaced("o-" + i)));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> runs.stream().allMatch(run -> engines.status(run) == RunStatus.WAITING));
    calls.clear();

    engine.submit(List.of(codec.envelope(new OrderApproved("o-7", "alice"), null)));

    assertThat(calls.get("waits")).as("one read of the open waits").hasValue(1);
    assertThat(calls.get("resolve")).as("one write of the resolutions").hasValue(1);
    assertThat(calls.get("run")).as("no read per wait").isNull();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engines.status(runs.get(7)) == RunStatus.COMPLETED);
    assertThat(runs).filteredOn(run -> engines.status(run) == RunStatus.WAITING).hasSize(19);
  }
}
