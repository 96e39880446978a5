package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.FunctionFailed;
import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionFailure;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.Contracts.OrderPlaced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EventRuntimeExtension.class)
class FailureTest {

  private static final RetryPolicy FAST =
      new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(10));

  @Test
  void failsTheRunRunsOnFailureAndPublishesFunctionFailedWhenRetriesAreUsedUp(TestRuntime runtime) {
    AtomicInteger attempts = new AtomicInteger();
    List<FunctionFailure> handled = new ArrayList<>();
    List<String> globallySeen = new ArrayList<>();
    runtime.register(
        DurableFunction.named("ship")
            .triggeredBy(OrderPlaced.class)
            .retryPolicy(FAST)
            .onFailure((failure, step) -> step.run("record", key -> handled.add(failure)))
            .handler(
                ctx -> {
                  ctx.step()
                      .run(
                          "ship",
                          key -> {
                            attempts.incrementAndGet();
                            throw new IllegalStateException("carrier down");
                          });
                  return null;
                }),
        DurableFunction.named("global-failures")
            .triggeredBy(FunctionFailed.NAME)
            .handler(
                ctx -> {
                  globallySeen.add(ctx.data(FunctionFailed.class).function());
                  return null;
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));
    runtime.advance(Duration.ofMinutes(1));

    RunRecord run = runtime.onlyRun("ship");
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).contains("step ship failed").contains("carrier down");
    assertThat(attempts).hasValue(3);
    assertThat(handled)
        .singleElement()
        .satisfies(f -> assertThat(f.runId()).isEqualTo(run.id().toString()));
    assertThat(runtime.onlyRun("ship-on-failure").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(runtime.sentEvents())
        .singleElement()
        .satisfies(event -> assertThat(event.name()).isEqualTo(FunctionFailed.NAME));
    assertThat(globallySeen).containsExactly("ship");
  }

  @Test
  void failsAtOnceOnANonRetriableException(TestRuntime runtime) {
    AtomicInteger attempts = new AtomicInteger();
    runtime.register(
        DurableFunction.named("validate")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  ctx.step()
                      .run(
                          "check",
                          key -> {
                            attempts.incrementAndGet();
                            throw new NonRetriableException("order is void");
                          });
                  return null;
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));

    assertThat(runtime.onlyRun("validate").status()).isEqualTo(RunStatus.FAILED);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void neverPublishesTheFailureOfAFunctionFailedHandler(TestRuntime runtime) {
    AtomicInteger handlerRuns = new AtomicInteger();
    runtime.register(
        DurableFunction.named("broken")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  throw new NonRetriableException("broken on purpose");
                }),
        DurableFunction.named("failing-global-handler")
            .triggeredBy(FunctionFailed.NAME)
            .handler(
                ctx -> {
                  handlerRuns.incrementAndGet();
                  throw new NonRetriableException("the handler fails too");
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));

    assertThat(runtime.onlyRun("broken").status()).isEqualTo(RunStatus.FAILED);
    assertThat(runtime.onlyRun("failing-global-handler").status()).isEqualTo(RunStatus.FAILED);
    assertThat(handlerRuns).hasValue(1);
    assertThat(runtime.sentEvents()).hasSize(1);
  }

  @Test
  void retriesAnExceptionThrownOutsideStepsLikeAStep(TestRuntime runtime) {
    AtomicInteger bodyCalls = new AtomicInteger();
    runtime.register(
        DurableFunction.named("moody")
            .triggeredBy(OrderPlaced.class)
            .retryPolicy(FAST)
            .handler(
                ctx -> {
                  if (bodyCalls.incrementAndGet() < 2) {
                    throw new IllegalStateException("not yet");
                  }
                  return "fine";
                }));

    runtime.send(new OrderPlaced("o-1", "u-1"));
    assertThat(runtime.onlyRun("moody").status()).isEqualTo(RunStatus.SLEEPING);
    runtime.advance(Duration.ofSeconds(10));

    assertThat(runtime.onlyRun("moody").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(bodyCalls).hasValue(2);
  }
}
