package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.spi.ForwardingRunStore;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.MessageSource.BatchHandler;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.Outcome;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.test.InMemoryRunStore;
import com.ticketbounty.eventruntime.test.TestClock;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A durable function's intake of a delivery batch, without a broker: one transaction for the
 * batch's runs, each run under its own message's trace context, and today's outcomes per message —
 * the poison and the over-size event dead-lettered alone, a store failure retrying the batch.
 */
class FunctionBatchTest {
  private static final String FIRST_TRACE =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String SECOND_TRACE =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final int MAX_EVENT_BYTES = 2_000;

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final InMemoryRunStore memory =
      new InMemoryRunStore(new TestClock(Instant.parse("2030-01-01T00:00:00Z")));
  private final List<Integer> transactions = new ArrayList<>();
  private final DurableFunction function =
      DurableFunction.named("batched").triggeredBy(Ping.class).handler(ctx -> null);

  @Test
  void takesInTheGoodMessagesOfABatchInOneTransaction() {
    BatchHandler intake = intake(counting(memory), OpenTelemetry.noop());
    List<EventEnvelope> events = List.of(ping("one"), ping("two"), ping("three"));

    List<Outcome> outcomes =
        intake.handleAll(events.stream().map(e -> message(codec.encode(e), FIRST_TRACE)).toList());

    assertThat(outcomes).hasSize(3).allMatch(Outcome.Processed.class::isInstance);
    assertThat(transactions).containsExactly(3);
    assertThat(memory.runs())
        .extracting(RunRecord::eventId)
        .containsExactlyInAnyOrderElementsOf(events.stream().map(EventEnvelope::id).toList());
  }

  @Test
  void makesEachRunOfABatchUnderItsOwnMessagesTraceContext() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    BatchHandler intake =
        intake(memory, OpenTelemetrySdk.builder().setTracerProvider(provider).build());
    EventEnvelope first = ping("first");
    EventEnvelope second = ping("second");

    intake.handleAll(
        List.of(
            message(codec.encode(first), FIRST_TRACE),
            message(codec.encode(second), SECOND_TRACE)));

    assertRunUnder(first.id(), FIRST_TRACE, spans);
    assertRunUnder(second.id(), SECOND_TRACE, spans);
    provider.close();
  }

  @Test
  void deadLettersThePoisonAndTheOverSizeEventAloneWhileTheRestStartRuns() {
    BatchHandler intake = intake(memory, OpenTelemetry.noop());
    EventEnvelope before = ping("before");
    EventEnvelope after = ping("after");

    List<Outcome> outcomes =
        intake.handleAll(
            List.of(
                message(codec.encode(before), FIRST_TRACE),
                message("this is not JSON", FIRST_TRACE),
                message(codec.encode(ping("x".repeat(MAX_EVENT_BYTES))), FIRST_TRACE),
                message(codec.encode(after), FIRST_TRACE)));

    assertThat(outcomes.get(0)).isInstanceOf(Outcome.Processed.class);
    assertThat(outcomes.get(1))
        .isInstanceOfSatisfying(
            Outcome.DeadLetter.class, d -> assertThat(d.reason()).startsWith("body is not JSON"));
    assertThat(outcomes.get(2))
        .isInstanceOfSatisfying(
            Outcome.DeadLetter.class, d -> assertThat(d.reason()).contains("Limits.maxEventBytes"));
    assertThat(outcomes.get(3)).isInstanceOf(Outcome.Processed.class);
    assertThat(memory.runs())
        .extracting(RunRecord::eventId)
        .containsExactlyInAnyOrder(before.id(), after.id());
  }

  @Test
  void retriesEveryReadableMessageOfABatchWhenTheStoreFails() {
    RunStore failing =
        new ForwardingRunStore(memory) {
          @Override
          public List<RunRecord> createRuns(List<NewRun> runs) {
            throw new IllegalStateException("the database is restarting");
          }
        };
    BatchHandler intake = intake(failing, OpenTelemetry.noop());

    List<Outcome> outcomes =
        intake.handleAll(
            List.of(
                message(codec.encode(ping("one")), FIRST_TRACE),
                message("this is not JSON", FIRST_TRACE),
                message(codec.encode(ping("two")), FIRST_TRACE)));

    assertThat(outcomes.get(0)).isInstanceOf(Outcome.Retry.class);
    assertThat(outcomes.get(1)).isInstanceOf(Outcome.DeadLetter.class);
    assertThat(outcomes.get(2)).isInstanceOf(Outcome.Retry.class);
    assertThat(memory.runs()).isEmpty();
  }

  @Test
  void startsOneRunForAnEventDeliveredTwiceInOneBatch() {
    BatchHandler intake = intake(counting(memory), OpenTelemetry.noop());
    String twice = codec.encode(ping("twice"));

    List<Outcome> outcomes =
        intake.handleAll(List.of(message(twice, FIRST_TRACE), message(twice, SECOND_TRACE)));

    assertThat(outcomes).hasSize(2).allMatch(Outcome.Processed.class::isInstance);
    assertThat(transactions).containsExactly(1);
    assertThat(memory.runs()).hasSize(1);
  }

  private BatchHandler intake(RunStore store, OpenTelemetry openTelemetry) {
    DurableEngine engine =
        DurableEngine.builder(
                store,
                EngineSettings.defaults("rabbit-test", "worker-1")
                    .withLimits(new Limits(4 * 1024 * 1024, MAX_EVENT_BYTES, 1000)))
            .codec(codec)
            .functions(List.of(function))
            .random(new Random(1))
            .executors(Runnable::run, Runnable::run)
            .openTelemetry(openTelemetry)
            .build();
    return (BatchHandler) engine.intake(function);
  }

  /** The store, recording how many runs each intake transaction wrote. */
  private RunStore counting(RunStore store) {
    return new ForwardingRunStore(store) {
      @Override
      public List<RunRecord> createRuns(List<NewRun> runs) {
        transactions.add(runs.size());
        return super.createRuns(runs);
      }
    };
  }

  private void assertRunUnder(UUID eventId, String traceParent, InMemorySpanExporter spans) {
    RunRecord run =
        memory.runs().stream().filter(r -> r.eventId().equals(eventId)).findFirst().orElseThrow();
    SpanContext message = TraceHeaders.spanContext(traceParent);
    SpanContext kept = TraceHeaders.spanContext(run.trace().run());
    assertThat(kept.getTraceId()).isEqualTo(message.getTraceId());
    SpanData runSpan =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getSpanId().equals(kept.getSpanId()))
            .findFirst()
            .orElseThrow();
    assertThat(runSpan.getName()).isEqualTo("run batched");
    assertThat(runSpan.getParentSpanId()).isEqualTo(message.getSpanId());
  }

  private EventEnvelope ping(String text) {
    return codec.envelope(new Ping(text), new EventUser("user-1"));
  }

  private static InboundMessage message(String body, String traceParent) {
    return new InboundMessage(
        body.getBytes(StandardCharsets.UTF_8), Map.of("traceparent", traceParent), false);
  }
}
