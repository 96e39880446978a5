package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.test.Contracts.OrderPlaced;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EventRuntimeExtension.class)
class SleepAndRetryTest {

  @Test
  void completesAFifteenMinuteSleepWhenTheClockIsAdvanced(TestRuntime runtime) {
    AtomicInteger before = new AtomicInteger();
    runtime.register(
        DurableFunction.named("reminder")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step().run("before", key -> before.incrementAndGet());
                  ctx.step().sleep("wait", Duration.ofMinutes(15));
                  return ctx.step().run("after", String.class, key -> "reminded");
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));
    RunRecord sleeping = runtime.onlyRun("reminder");
    assertThat(sleeping.status()).isEqualTo(RunStatus.SLEEPING);
    assertThat(sleeping.dueAt()).isEqualTo(TestRuntime.EPOCH.plus(Duration.ofMinutes(15)));

    runtime.advance(Duration.ofMinutes(14));
    assertThat(runtime.run(sleeping.id()).status()).isEqualTo(RunStatus.SLEEPING);

    runtime.advance(Duration.ofMinutes(1));
    RunRecord done = runtime.run(sleeping.id());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.output()).isEqualTo("{\"v\":1,\"data\":\"reminded\"}");
    assertThat(before).as("a finished step is memoized, not run again").hasValue(1);
  }

  @Test
  void retriesAFailingStepOnTheBackoffWhileOtherRunsComplete(TestRuntime runtime) {
    RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(10), Duration.ofMinutes(10));
    AtomicInteger calls = new AtomicInteger();
    runtime.register(
        DurableFunction.named("charge")
            .triggeredBy(OrderPlaced.class)
            .retryPolicy(policy)
            .handler(
                ctx -> {
                  OrderPlaced order = ctx.data(OrderPlaced.class);
                  return ctx.step()
                      .run(
                          "charge",
                          String.class,
                          key -> {
                            if (order.orderId().equals("flaky") && calls.incrementAndGet() < 3) {
                              throw new IllegalStateException("provider down");
                            }
                            return "charged " + order.orderId();
                          });
                }));

    runtime.send(new OrderPlaced("flaky", "u-1"));
    runtime.send(new OrderPlaced("steady", "u-2"));
    RunRecord flaky = runtime.runs("charge").get(0);
    RunRecord steady = runtime.runs("charge").get(1);
    assertThat(runtime.run(flaky.id()).status()).isEqualTo(RunStatus.SLEEPING);
    assertThat(runtime.run(steady.id()).status())
        .as("another run completes during the backoff")
        .isEqualTo(RunStatus.COMPLETED);

    runtime.advance(Duration.ofMinutes(1));
    assertThat(runtime.run(flaky.id()).status()).isEqualTo(RunStatus.COMPLETED);

    List<StepRecord> history = runtime.store().stepLog(flaky.id());
    assertThat(history).extracting(StepRecord::attempts).containsExactly(1, 2, 3);
    assertThat(history)
        .extracting(StepRecord::status)
        .containsExactly(StepStatus.RETRYING, StepStatus.RETRYING, StepStatus.COMPLETED);
    for (int attempt = 1; attempt <= 2; attempt++) {
      StepRecord failed = history.get(attempt - 1);
      Duration delay = Duration.between(failed.recordedAt(), failed.wakeAt());
      Duration ceiling = policy.ceiling(attempt);
      assertThat(delay).isBetween(ceiling.dividedBy(2), ceiling);
    }
    assertThat(calls).hasValue(3);
  }
}
