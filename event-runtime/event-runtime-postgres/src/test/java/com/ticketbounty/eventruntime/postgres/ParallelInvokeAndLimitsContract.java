package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.ParallelStep;
import com.ticketbounty.eventruntime.function.StepFailedException;
import com.ticketbounty.eventruntime.postgres.ScenarioEvents.OrderPlaced;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parallel steps and invoke memoized like run (and, where the runtime has the threads for it,
 * parallel bodies running at once), and the step-output limit: written once against {@link
 * EngineDriver}, run in memory and on PostgreSQL.
 */
abstract class ParallelInvokeAndLimitsContract {
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
  void memoizesParallelStepsAndInvokedRunsLikeRunAndRunsTheBranchesAtOnce() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    Branches branches = new Branches(2, runtime.runsBranchesConcurrently());
    runtime.register(
        DurableFunction.named("price")
            .triggeredBy("test/never")
            .handler(
                ctx -> {
                  ran.add("price");
                  return ctx.event().data().path("base").asInt() * 2;
                }),
        DurableFunction.named("checkout")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  List<String> parts =
                      ctx.step()
                          .parallel(
                              String.class,
                              List.of(
                                  ParallelStep.of("tax", key -> branches.run(ran, "tax")),
                                  ParallelStep.of("ship", key -> branches.run(ran, "ship"))));
                  Integer price =
                      ctx.step().invoke("price", "price", Map.of("base", 21), Integer.class);
                  ctx.step().sleep("settle", runtime.units(2));
                  return parts + " " + price;
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));
    RunRecord run = runtime.onlyRun("checkout");
    assertThat(runtime.run(run.id()).status()).isEqualTo(RunStatus.SLEEPING);
    runtime.advance(runtime.units(2));

    assertThat(runtime.reached(run.id(), RunStatus.COMPLETED).output()).contains("[tax, ship] 42");
    assertThat(ran).containsExactlyInAnyOrder("tax", "ship", "price");
    assertThat(runtime.onlyRun("price").parent().runId()).isEqualTo(run.id());
    if (runtime.runsBranchesConcurrently()) {
      assertThat(branches.sawAllRunning)
          .as("each branch saw every branch running at the same time")
          .containsExactly(true, true);
    }
  }

  /**
   * Parallel bodies that, where branches run concurrently, each wait (bounded) until all of them
   * have started: they can all get there only when they run at the same time.
   */
  private static final class Branches {
    private final CountDownLatch allRunning;
    private final boolean concurrent;
    final List<Boolean> sawAllRunning = Collections.synchronizedList(new ArrayList<>());

    Branches(int count, boolean concurrent) {
      this.allRunning = new CountDownLatch(count);
      this.concurrent = concurrent;
    }

    String run(List<String> ran, String name) throws InterruptedException {
      ran.add(name);
      if (concurrent) {
        allRunning.countDown();
        sawAllRunning.add(allRunning.await(10, TimeUnit.SECONDS));
      }
      return name;
    }
  }

  @Test
  void failsAStepWhoseOutputIsOverTheLimitWithAClearError() {
    List<String> caught = Collections.synchronizedList(new ArrayList<>());
    runtime.limits(new Limits(1024, 256 * 1024, 1000));
    runtime.register(
        DurableFunction.named("bulky")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  try {
                    ctx.step().run("big", String.class, key -> "x".repeat(2000));
                  } catch (StepFailedException e) {
                    caught.add(e.getMessage());
                    throw e;
                  }
                  return null;
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));

    assertThat(runtime.onlyRun("bulky").status()).isEqualTo(RunStatus.FAILED);
    assertThat(caught)
        .singleElement()
        .asString()
        .contains("output of step big")
        .contains("over the limit of 1024")
        .contains("Limits.maxStepOutputBytes");
  }
}
