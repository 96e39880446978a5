package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.Contracts.OrderPlaced;
import com.ticketbounty.eventruntime.test.Contracts.ReceiptSent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

/** The spans, meters and MDC keys of runs, attempts and steps, in the in-memory engine. */
@ExtendWith(EventRuntimeExtension.class)
class TelemetryKitTest {
  private static final String SECRET = "card-4111-secret";
  private static final RetryPolicy FAST =
      new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1));

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    tracerProvider.close();
  }

  @Test
  void attemptsAreChildrenOfTheRunAndLinkToTheAttemptBeforeAndStepsChildrenOfTheirAttempt(
      TestRuntime runtime) {
    AtomicInteger charges = new AtomicInteger();
    List<Map<String, String>> mdcInStep = new ArrayList<>();
    runtime
        .telemetry(otel, meters)
        .register(
            DurableFunction.named("ship")
                .triggeredBy(OrderPlaced.class)
                .retryPolicy(FAST)
                .handler(
                    ctx -> {
                      ctx.step().run("first", String.class, key -> "done");
                      ctx.step()
                          .run(
                              "charge",
                              String.class,
                              key -> {
                                mdcInStep.add(new HashMap<>(MDC.getCopyOfContextMap()));
                                if (charges.incrementAndGet() == 1) {
                                  throw new IllegalStateException(SECRET);
                                }
                                return SECRET;
                              });
                      ctx.step().sendEvent("notify", new ReceiptSent(SECRET));
                      return SECRET;
                    }));

    Span request = otel.getTracer("test").spanBuilder("request").startSpan();
    try (Scope _ = request.makeCurrent()) {
      runtime.send(new OrderPlaced(SECRET, "u-1"));
    }
    request.end();
    runtime.advance(Duration.ofMinutes(1));

    String traceId = request.getSpanContext().getTraceId();
    SpanData run = only("run ship");
    assertThat(run.getTraceId()).isEqualTo(traceId);
    assertThat(run.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    RunRecord record = runtime.onlyRun("ship");
    assertThat(record.error()).isNull();
    assertThat(record.trace().traceId()).isEqualTo(traceId);

    List<SpanData> attempts = named("attempt ship");
    assertThat(attempts).hasSize(2);
    assertThat(attempts)
        .allSatisfy(a -> assertThat(a.getParentSpanId()).isEqualTo(run.getSpanId()));
    assertThat(attempts).allSatisfy(a -> assertThat(a.getTraceId()).isEqualTo(traceId));
    SpanData first = attempts.get(0);
    SpanData second = attempts.get(1);
    assertThat(first.getLinks()).isEmpty();
    assertThat(second.getLinks())
        .singleElement()
        .satisfies(
            link -> assertThat(link.getSpanContext().getSpanId()).isEqualTo(first.getSpanId()));
    assertThat(first.getAttributes().get(AttributeKey.stringKey("eventruntime.outcome")))
        .isEqualTo("retrying");
    assertThat(second.getAttributes().get(AttributeKey.stringKey("eventruntime.outcome")))
        .isEqualTo("completed");
    assertThat(first.getAttributes().get(AttributeKey.longKey("eventruntime.attempt")))
        .isEqualTo(1L);
    assertThat(second.getAttributes().get(AttributeKey.longKey("eventruntime.attempt")))
        .isEqualTo(2L);
    assertThat(first.getAttributes().get(AttributeKey.stringKey("eventruntime.run.id")))
        .isEqualTo(record.id().toString());

    // "first" ran once: in the second attempt it is memoized and makes no span.
    assertThat(only("step first").getParentSpanId()).isEqualTo(first.getSpanId());
    List<SpanData> charge = named("step charge");
    assertThat(charge).hasSize(2);
    assertThat(charge.get(0).getParentSpanId()).isEqualTo(first.getSpanId());
    assertThat(charge.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(charge.get(0).getStatus().getDescription())
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(charge.get(0).getAttributes().get(AttributeKey.stringKey("eventruntime.outcome")))
        .isEqualTo("retrying");
    assertThat(charge.get(1).getParentSpanId()).isEqualTo(second.getSpanId());
    assertThat(charge.get(1).getAttributes().get(AttributeKey.stringKey("eventruntime.step.id")))
        .isEqualTo("charge");
    SpanData notify = only("step notify");
    assertThat(notify.getParentSpanId()).isEqualTo(second.getSpanId());

    // The event sent from the step continues the run's trace, as a child of the step.
    OutboxMessage sent = runtime.store().outbox().get(0);
    assertThat(sent.headers().get("traceparent"))
        .isEqualTo("00-" + traceId + "-" + notify.getSpanId() + "-01");

    // Nothing of the data, the output or the exception's message appears in any span.
    assertThat(spans.getFinishedSpanItems())
        .allSatisfy(
            span -> {
              assertThat(span.getAttributes().asMap().values())
                  .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("4111"));
              assertThat(String.valueOf(span.getStatus().getDescription())).doesNotContain("4111");
              assertThat(span.getEvents()).isEmpty();
            });

    // The step's body saw the run's keys and its own span in the MDC; none is left behind.
    assertThat(mdcInStep.get(1))
        .containsEntry("runId", record.id().toString())
        .containsEntry("functionId", "ship")
        .containsEntry("stepId", "charge")
        .containsEntry("traceId", traceId)
        .containsEntry("spanId", charge.get(1).getSpanId());
    assertThat(MDC.get("runId")).isNull();
    assertThat(MDC.get("stepId")).isNull();
  }

  @Test
  void anInvokedRunContinuesTheInvokingStepsTraceAndACronRunStartsItsOwn(TestRuntime runtime) {
    runtime
        .telemetry(otel, null)
        .register(
            DurableFunction.named("parent")
                .triggeredBy(OrderPlaced.class)
                .handler(
                    ctx ->
                        ctx.step()
                            .invoke(
                                "child", "child", new Contracts.OrderPaid("o-1"), String.class)),
            DurableFunction.named("child").triggeredBy("test/never").handler(ctx -> "ok"),
            DurableFunction.named("nightly").onCron("0 3 * * *").handler(ctx -> "ok"));
    runtime.send(new OrderPlaced("o-1", "u-1"));
    runtime.engine().trigger("nightly");
    runtime.runUntilIdle();

    assertThat(runtime.store().runs())
        .allSatisfy(run -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED));
    SpanData invoke = only("step child");
    SpanData childRun = only("run child");
    assertThat(childRun.getParentSpanId()).isEqualTo(invoke.getSpanId());
    assertThat(childRun.getTraceId()).isEqualTo(only("run parent").getTraceId());
    assertThat(only("attempt child").getParentSpanId()).isEqualTo(childRun.getSpanId());
    SpanData cron = only("run nightly");
    assertThat(cron.getParentSpanId()).isEqualTo(SpanId.getInvalid());
    assertThat(cron.getTraceId()).isNotEqualTo(childRun.getTraceId());
  }

  @Test
  void metersRunsByStatusStepDurationsAndRetriesByStepIdWithoutLoopIndex(TestRuntime runtime) {
    AtomicInteger calls = new AtomicInteger();
    runtime
        .telemetry(otel, meters)
        .register(
            DurableFunction.named("loop")
                .triggeredBy(OrderPlaced.class)
                .retryPolicy(FAST)
                .concurrency(1)
                .handler(
                    ctx -> {
                      for (int i = 0; i < 3; i++) {
                        ctx.step()
                            .run(
                                "send",
                                String.class,
                                key -> {
                                  if (calls.incrementAndGet() == 2) {
                                    throw new IllegalStateException("flaky");
                                  }
                                  return key;
                                });
                      }
                      return null;
                    }),
            DurableFunction.named("broken")
                .triggeredBy(OrderPlaced.class)
                .retries(0)
                .handler(
                    ctx -> {
                      ctx.step()
                          .run(
                              "fail",
                              key -> {
                                throw new IllegalStateException("down");
                              });
                      return null;
                    }));
    runtime.send(new OrderPlaced("o-1", "u-1"));
    runtime.advance(Duration.ofMinutes(1));

    assertThat(
            meters
                .get("eventruntime.runs")
                .tags("function", "loop", "status", "completed")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            meters
                .get("eventruntime.runs")
                .tags("function", "broken", "status", "failed")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(meters.get("eventruntime.run.duration").tags("function", "loop").timer().count())
        .isEqualTo(1);
    assertThat(
            meters
                .get("eventruntime.step.duration")
                .tags("function", "loop", "step", "send")
                .timer()
                .count())
        .isEqualTo(4);
    assertThat(
            meters
                .get("eventruntime.step.retries")
                .tags("function", "loop", "step", "send")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(meters.get("eventruntime.concurrency.wait").tags("function", "loop").timer().count())
        .isEqualTo(2);
    assertThat(meters.find("eventruntime.step.duration").tag("step", "send:1").timer()).isNull();
  }

  private SpanData only(String name) {
    List<SpanData> found = named(name);
    assertThat(found)
        .as(name + " in " + spans.getFinishedSpanItems().stream().map(SpanData::getName).toList())
        .hasSize(1);
    return found.get(0);
  }

  private List<SpanData> named(String name) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
  }
}
