package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.ParallelStep;
import com.ticketbounty.eventruntime.function.StepFailedException;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.Contracts.OrderPlaced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EventRuntimeExtension.class)
class ParallelInvokeAndLimitsTest {

  @Test
  void memoizesParallelStepsAndInvokedRunsLikeRun(TestRuntime runtime) {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
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
                                  ParallelStep.of("tax", key -> record(ran, "tax")),
                                  ParallelStep.of("ship", key -> record(ran, "ship"))));
                  Integer price =
                      ctx.step().invoke("price", "price", Map.of("base", 21), Integer.class);
                  ctx.step().sleep("settle", Duration.ofMinutes(1));
                  return parts + " " + price;
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));
    RunRecord run = runtime.onlyRun("checkout");
    assertThat(runtime.run(run.id()).status()).isEqualTo(RunStatus.SLEEPING);
    runtime.advance(Duration.ofMinutes(1));

    assertThat(runtime.run(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(runtime.run(run.id()).output()).contains("[tax, ship] 42");
    assertThat(ran).containsExactlyInAnyOrder("tax", "ship", "price");
    assertThat(runtime.onlyRun("price").parent().runId()).isEqualTo(run.id());
  }

  @Test
  void failsAStepWhoseOutputIsOverTheLimitWithAClearError(TestRuntime runtime) {
    List<String> caught = new ArrayList<>();
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

  private static String record(List<String> ran, String name) {
    ran.add(name);
    return name;
  }
}
