package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.Contracts.OrderPlaced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EventRuntimeExtension.class)
class ConcurrencyAndLeaseTest {

  @Test
  void keepsAtMostFiveRunsOfOneKeyLeasedWhileAnotherKeyProceeds(TestRuntime runtime) {
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger mostExecutingForAlice = new AtomicInteger();
    runtime.register(
        DurableFunction.named("per-user")
            .triggeredBy(OrderPlaced.class)
            .concurrency(5, "event.data.userId")
            .handler(
                ctx -> {
                  OrderPlaced order = ctx.data(OrderPlaced.class);
                  ctx.step()
                      .run(
                          "work",
                          key -> {
                            long leased =
                                runtime.runs("per-user").stream()
                                    .filter(r -> r.status() == RunStatus.RUNNING)
                                    .filter(r -> "alice".equals(r.concurrencyKey()))
                                    .count();
                            mostExecutingForAlice.accumulateAndGet((int) leased, Math::max);
                          });
                  finished.add(order.userId());
                  return null;
                }));
    EventCodec codec = new EventCodec(runtime.clock());
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      events.add(codec.envelope(new OrderPlaced("a-" + i, "alice"), null));
    }
    for (int i = 0; i < 3; i++) {
      events.add(codec.envelope(new OrderPlaced("b-" + i, "bob"), null));
    }

    runtime.engine().submit(events);
    runtime.runUntilIdle();

    assertThat(runtime.runs("per-user")).allMatch(r -> r.status() == RunStatus.COMPLETED);
    assertThat(runtime.store().mostLeasedAtOnce("per-user", "alice")).isEqualTo(5);
    assertThat(mostExecutingForAlice.get()).isLessThanOrEqualTo(5).isPositive();
    assertThat(finished.indexOf("bob"))
        .as("bob's runs are not queued behind alice's")
        .isLessThan(finished.lastIndexOf("alice"));
    assertThat(finished.subList(0, 8)).contains("bob");
  }

  @Test
  void startsOneRunPerFunctionAndEventId(TestRuntime runtime) {
    AtomicInteger bodies = new AtomicInteger();
    runtime.register(
        DurableFunction.named("once")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step().run("count", key -> bodies.incrementAndGet());
                  return null;
                }));
    EventEnvelope event = new EventCodec(runtime.clock()).envelope(new OrderPlaced("o", "u"), null);

    List<RunRecord> first = runtime.send(event);
    List<RunRecord> second = runtime.send(event);

    assertThat(runtime.runs("once")).hasSize(1);
    assertThat(second)
        .extracting(RunRecord::id)
        .isEqualTo(first.stream().map(RunRecord::id).toList());
    assertThat(bodies).hasValue(1);
  }

  @Test
  void resumesARunWhoseWorkerDiedWithoutRepeatingFinishedSteps(TestRuntime runtime) {
    List<String> ran = new ArrayList<>();
    runtime.register(
        DurableFunction.named("resilient")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step().run("first", key -> ran.add("first"));
                  ctx.step().run("second", key -> ran.add("second"));
                  return null;
                }));
    runtime.crashWorkerIn("resilient", "second");

    runtime.send(new OrderPlaced("o-1", "u-1"));
    RunRecord orphan = runtime.onlyRun("resilient");
    assertThat(orphan.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(ran).containsExactly("first");

    runtime.advance(Duration.ofSeconds(29));
    assertThat(runtime.run(orphan.id()).status())
        .as("lease not expired yet")
        .isEqualTo(RunStatus.RUNNING);
    runtime.advance(Duration.ofSeconds(1));

    assertThat(runtime.run(orphan.id()).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(ran).containsExactly("first", "second");
  }

  @Test
  void failsARunWhoseWorkerKeepsDyingOnItAndReplaysItOnceFixed(TestRuntime runtime) {
    List<String> ran = new ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean poisonous =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    runtime.register(
        DurableFunction.named("poison-run")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step().run("before", key -> ran.add("before"));
                  ctx.step()
                      .run(
                          "deadly",
                          key -> {
                            ran.add("deadly");
                            if (poisonous.get()) {
                              throw new SimulatedCrash("poison-run/deadly");
                            }
                          });
                  return null;
                }));
    runtime.send(new OrderPlaced("o-1", "u-1"));
    RunRecord run = runtime.onlyRun("poison-run");

    for (int lease = 0; lease < 6; lease++) {
      runtime.advance(Duration.ofSeconds(30));
    }

    RunRecord failed = runtime.run(run.id());
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error()).contains("its worker died 6 times");
    assertThat(ran).filteredOn("before"::equals).hasSize(1);
    assertThat(ran).filteredOn("deadly"::equals).hasSize(6);

    poisonous.set(false);
    assertThat(runtime.replay(run.id())).isTrue();
    assertThat(runtime.run(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(ran).filteredOn("before"::equals).hasSize(1);
  }
}
