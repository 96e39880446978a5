package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.test.Contracts.OrderPlaced;
import com.ticketbounty.eventruntime.test.Contracts.ReceiptSent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EventRuntimeExtension.class)
class ReplayAndCodeChangeTest {

  @Test
  void replayReRunsOnlyTheFailedStepAndWhatFollowsWithoutSendingAgain(TestRuntime runtime) {
    List<String> ran = new ArrayList<>();
    AtomicBoolean providerUp = new AtomicBoolean(false);
    runtime.register(
        DurableFunction.named("fulfil")
            .triggeredBy(OrderPlaced.class)
            .retryPolicy(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)))
            .handler(
                ctx -> {
                  ctx.step().run("reserve", key -> ran.add("reserve"));
                  ctx.step().sendEvent("announce", new ReceiptSent("o-1"));
                  ctx.step()
                      .run(
                          "pay",
                          key -> {
                            ran.add("pay");
                            if (!providerUp.get()) {
                              throw new IllegalStateException("payments down");
                            }
                          });
                  ctx.step().run("notify", key -> ran.add("notify"));
                  return null;
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));
    runtime.advance(Duration.ofSeconds(5));
    RunRecord failed = runtime.onlyRun("fulfil");
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(ran).containsExactly("reserve", "pay", "pay");
    assertThat(runtime.sentEvents())
        .extracting(e -> e.name())
        .containsOnlyOnce("test/receipt.sent");

    providerUp.set(true);
    ran.clear();
    assertThat(runtime.replay(failed.id())).isTrue();

    assertThat(runtime.run(failed.id()).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(ran).containsExactly("pay", "notify");
    assertThat(runtime.sentEvents())
        .filteredOn(e -> e.name().equals("test/receipt.sent"))
        .hasSize(1);
  }

  @Test
  void matchesFinishedStepsByKeyWhenTheCodeChangesBetweenAttempts(TestRuntime runtime) {
    List<String> ran = new ArrayList<>();
    runtime.register(
        DurableFunction.named("onboard")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step().run("welcome", key -> ran.add("welcome"));
                  ctx.step().run("old-step", key -> ran.add("old-step"));
                  ctx.step().sleep("pause", Duration.ofHours(1));
                  return "v1";
                }));
    runtime.send(new OrderPlaced("o-1", "u-1"));
    RunRecord run = runtime.onlyRun("onboard");
    assertThat(run.status()).isEqualTo(RunStatus.SLEEPING);

    TestRuntime deployed = redeploy(runtime, ran);
    deployed.advance(Duration.ofHours(1));

    assertThat(deployed.run(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(deployed.run(run.id()).output()).contains("v2");
    assertThat(ran).containsExactly("welcome", "old-step", "new-step");
    assertThat(deployed.steps(run.id()))
        .extracting(StepRecord::key)
        .contains("welcome", "old-step", "pause", "new-step");
  }

  /** The same store and clock, with the function's new code: a step removed, one added. */
  private static TestRuntime redeploy(TestRuntime runtime, List<String> ran) {
    return runtime.redeploy(
        DurableFunction.named("onboard")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step().run("welcome", key -> ran.add("welcome"));
                  ctx.step().sleep("pause", Duration.ofHours(1));
                  ctx.step().run("new-step", key -> ran.add("new-step"));
                  return "v2";
                }));
  }

  @Test
  void cancelsARunBetweenSteps(TestRuntime runtime) {
    List<String> ran = new ArrayList<>();
    runtime.register(
        DurableFunction.named("cancellable")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step()
                      .run(
                          "first",
                          key -> {
                            ran.add("first");
                            runtime.cancel(java.util.UUID.fromString(ctx.runId()));
                          });
                  ctx.step().run("second", key -> ran.add("second"));
                  throw new NonRetriableException("never reached");
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));

    assertThat(runtime.onlyRun("cancellable").status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(ran).containsExactly("first");
  }
}
