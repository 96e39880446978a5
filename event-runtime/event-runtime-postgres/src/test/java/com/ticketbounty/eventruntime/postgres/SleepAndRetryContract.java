package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.ScenarioEvents.OrderPlaced;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sleep that ends at its due time and not before, and a step retried on its backoff while another
 * run completes: written once against {@link EngineDriver}, run in memory and on PostgreSQL.
 */
abstract class SleepAndRetryContract {
  EngineDriver runtime;

  abstract EngineDriver newDriver();

  @BeforeEach
  void startRuntime() {
    runtime = newDriver();
  }

  @AfterEach
  void stopRuntime() throws Exception {
    runtime.close();
  }

  @Test
  void completesASleepOnceItsTimeHasPassedWithoutRunningTheStepBeforeAgain() {
    AtomicInteger before = new AtomicInteger();
    runtime.register(
        DurableFunction.named("reminder")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step().run("before", key -> before.incrementAndGet());
                  ctx.step().sleep("wait", runtime.units(5));
                  return ctx.step().run("after", String.class, key -> "reminded");
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));
    RunRecord sleeping = runtime.onlyRun("reminder");
    assertThat(sleeping.status()).isEqualTo(RunStatus.SLEEPING);
    List<StepRecord> steps = runtime.steps(sleeping.id());
    assertThat(steps).extracting(StepRecord::key).containsExactly("before", "wait");
    // The sleep began after "before" was recorded and no later than its own record: exactly then
    // in memory, where the clock stood still.
    assertThat(sleeping.dueAt())
        .isEqualTo(steps.get(1).wakeAt())
        .isBetween(
            steps.get(0).recordedAt().plus(runtime.units(5)),
            steps.get(1).firstRecordedAt().plus(runtime.units(5)));

    runtime.advance(runtime.units(4));
    assertThat(runtime.run(sleeping.id()).status()).isEqualTo(RunStatus.SLEEPING);

    runtime.advance(runtime.units(1));
    RunRecord done = runtime.reached(sleeping.id(), RunStatus.COMPLETED);
    assertThat(done.output()).isEqualTo("{\"v\":1,\"data\":\"reminded\"}");
    assertThat(before).as("a finished step is memoized, not run again").hasValue(1);
  }

  @Test
  void retriesAFailingStepOnTheBackoffWhileOtherRunsComplete() {
    RetryPolicy policy = new RetryPolicy(4, runtime.units(4), runtime.units(40));
    AtomicInteger calls = new AtomicInteger();
    List<Instant> flakyStarts = new CopyOnWriteArrayList<>();
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
                            if (order.orderId().equals("flaky")) {
                              flakyStarts.add(runtime.now());
                              if (calls.incrementAndGet() < 3) {
                                throw new IllegalStateException("provider down");
                              }
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

    runtime.advance(policy.ceiling(1).plus(policy.ceiling(2)));
    runtime.reached(flaky.id(), RunStatus.COMPLETED);

    List<StepRecord> history = runtime.stepLog(flaky.id());
    assertThat(history).extracting(StepRecord::attempts).containsExactly(1, 2, 3);
    assertThat(history)
        .extracting(StepRecord::status)
        .containsExactly(StepStatus.RETRYING, StepStatus.RETRYING, StepStatus.COMPLETED);
    // The delay drawn counts from the failure, which lies between the attempt's start and its
    // record: on a clock that stands still (in memory) all three are one instant.
    for (int attempt = 1; attempt <= 2; attempt++) {
      StepRecord failed = history.get(attempt - 1);
      Duration ceiling = policy.ceiling(attempt);
      assertThat(Duration.between(flakyStarts.get(attempt - 1), failed.wakeAt()))
          .isGreaterThanOrEqualTo(ceiling.dividedBy(2));
      assertThat(Duration.between(failed.recordedAt(), failed.wakeAt()))
          .isLessThanOrEqualTo(ceiling);
    }
    assertThat(calls).hasValue(3);
  }
}
