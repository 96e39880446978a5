package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import com.ticketbounty.eventruntime.test.Contracts.OrderPlaced;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EventRuntimeExtension.class)
class KitFeaturesTest {

  @Test
  void mockedStepsReturnOrThrowInsteadOfRunning(TestRuntime runtime) {
    AtomicInteger realCalls = new AtomicInteger();
    runtime.register(
        DurableFunction.named("quote")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  String rate =
                      ctx.step()
                          .run("rate", String.class, key -> "real " + realCalls.incrementAndGet());
                  ctx.step().run("audit", key -> realCalls.incrementAndGet());
                  return rate;
                }));
    runtime.mockStep("quote", "rate", "mocked");
    runtime.mockStepFailure("quote", "audit", new NonRetriableException("audit refused"));

    runtime.send(new OrderPlaced("o-1", "u-1"));

    RunRecord run = runtime.onlyRun("quote");
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).contains("audit refused");
    assertThat(runtime.steps(run.id()).get(0).memo()).isEqualTo("{\"v\":1,\"data\":\"mocked\"}");
    assertThat(realCalls).hasValue(0);
  }

  @Test
  void theEventsDataIsReadOncePerAttemptHoweverOftenTheBodyAsks(TestRuntime runtime) {
    List<OrderPlaced> read = new CopyOnWriteArrayList<>();
    runtime.register(
        DurableFunction.named("reads")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  read.add(ctx.data(OrderPlaced.class));
                  ctx.step().run("first", key -> read.add(ctx.data(OrderPlaced.class)));
                  ctx.step().run("second", key -> read.add(ctx.data(OrderPlaced.class)));
                  return null;
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));

    assertThat(runtime.onlyRun("reads").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(read).hasSize(3).allSatisfy(order -> assertThat(order).isSameAs(read.get(0)));
    assertThat(read.get(0)).isEqualTo(new OrderPlaced("o-1", "u-1"));
  }

  @Test
  void fencesOffAWorkerWhoseLeaseWasTakenOver(TestRuntime runtime) {
    runtime.register(
        DurableFunction.named("fenced").triggeredBy(OrderPlaced.class).handler(ctx -> null));
    runtime
        .engine()
        .submit(
            List.of(
                new com.ticketbounty.eventruntime.codec.EventCodec(runtime.clock())
                    .envelope(new OrderPlaced("o", "u"), null)));
    InMemoryRunStore store = runtime.store();
    RunRecord first =
        store
            .claim(new Claim("worker-a", Duration.ofSeconds(30), 10, Set.of("fenced"), Map.of()))
            .get(0);
    runtime.clock().advance(Duration.ofSeconds(31));
    RunRecord second =
        store
            .claim(new Claim("worker-b", Duration.ofSeconds(30), 10, Set.of("fenced"), Map.of()))
            .get(0);
    StepWrite write = new StepWrite("s", StepStatus.COMPLETED, 1, "{\"v\":1,\"data\":1}", null);

    assertThat(store.commit(List.of(Commit.steps(first.lease(), List.of(write), List.of()))))
        .isEmpty();
    assertThat(store.steps(first.id())).isEmpty();
    assertThat(store.commit(List.of(Commit.steps(second.lease(), List.of(write), List.of()))))
        .containsExactly(second.id());
  }

  @Test
  void failsLoudlyWhenTheBodySwallowsTheAttemptInterrupt(TestRuntime runtime) {
    runtime.register(
        DurableFunction.named("swallower")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  try {
                    ctx.step().sleep("nap", Duration.ofMinutes(5));
                  } catch (Throwable swallowed) {
                    // what a body must not do
                  }
                  return "went on";
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));

    RunRecord run = runtime.onlyRun("swallower");
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).contains("caught the runtime's AttemptInterrupt");
  }
}
