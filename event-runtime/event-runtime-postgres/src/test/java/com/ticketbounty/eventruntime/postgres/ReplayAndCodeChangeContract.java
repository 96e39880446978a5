package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.ScenarioEvents.OrderPlaced;
import com.ticketbounty.eventruntime.postgres.ScenarioEvents.ReceiptSent;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replay from the failed step, new code between attempts, and cancel between steps: written once
 * against {@link EngineDriver}, run in memory and on PostgreSQL.
 */
abstract class ReplayAndCodeChangeContract {
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
  void replayReRunsOnlyTheFailedStepAndWhatFollowsWithoutSendingAgain() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean providerUp = new AtomicBoolean(false);
    runtime.register(
        DurableFunction.named("fulfil")
            .triggeredBy(OrderPlaced.class)
            .retryPolicy(new RetryPolicy(1, runtime.units(1), runtime.units(1)))
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
    runtime.advance(runtime.units(2));
    RunRecord failed = runtime.reached(runtime.onlyRun("fulfil").id(), RunStatus.FAILED);
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
  void matchesFinishedStepsByKeyWhenTheCodeChangesBetweenAttempts() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    runtime.register(
        DurableFunction.named("onboard")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step().run("welcome", key -> ran.add("welcome"));
                  ctx.step().run("old-step", key -> ran.add("old-step"));
                  ctx.step().sleep("pause", runtime.units(4));
                  return "v1";
                }));
    runtime.send(new OrderPlaced("o-1", "u-1"));
    RunRecord run = runtime.onlyRun("onboard");
    assertThat(run.status()).isEqualTo(RunStatus.SLEEPING);

    redeploy(ran);
    runtime.advance(runtime.units(4));

    assertThat(runtime.reached(run.id(), RunStatus.COMPLETED).output()).contains("v2");
    assertThat(ran).containsExactly("welcome", "old-step", "new-step");
    assertThat(runtime.steps(run.id()))
        .extracting(StepRecord::key)
        .contains("welcome", "old-step", "pause", "new-step");
  }

  /** The same store, with the function's new code: a step removed, one added. */
  private void redeploy(List<String> ran) {
    runtime.redeploy(
        DurableFunction.named("onboard")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step().run("welcome", key -> ran.add("welcome"));
                  ctx.step().sleep("pause", runtime.units(4));
                  ctx.step().run("new-step", key -> ran.add("new-step"));
                  return "v2";
                }));
  }

  @Test
  void cancelsARunBetweenSteps() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
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
                            runtime.cancel(UUID.fromString(ctx.runId()));
                          });
                  ctx.step().run("second", key -> ran.add("second"));
                  throw new NonRetriableException("never reached");
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));

    assertThat(runtime.onlyRun("cancellable").status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(ran).containsExactly("first");
  }
}
