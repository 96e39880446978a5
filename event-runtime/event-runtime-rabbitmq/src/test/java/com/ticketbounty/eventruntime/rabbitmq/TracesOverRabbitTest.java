package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.outbox.OutboxRelay;
import com.ticketbounty.eventruntime.outbox.RelaySettings;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.postgres.PostgresOutboxStore;
import com.ticketbounty.eventruntime.postgres.PostgresRunStore;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace from a producer's outbox row to the last step, across the relay and the real broker:
 * publish, process, run, attempt and steps, each the child of the one before, and the event a step
 * sends published as the step's child.
 */
class TracesOverRabbitTest {
  private static RabbitTestKit kit;
  private static OutboxDatabase database;
  private static RabbitConnector connector;

  @EventType(name = "test/traced.reply", version = "1.0")
  record Reply(String text) {}

  @BeforeAll
  static void connect() {
    kit = new RabbitTestKit();
    database = new OutboxDatabase("traces");
    connector = RabbitConnector.start(kit.settings());
    await().until(connector::isConnected);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    connector.close();
    kit.close();
    database.close();
  }

  @Test
  void aMessagesTraceGoesOnThroughTheRelayTheBrokerTheRunItsAttemptAndItsSteps() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
    String id = "traced";
    kit.queueOf(id);
    DurableFunction function =
        DurableFunction.named(id)
            .triggeredBy(Ping.class)
            .handler(
                ctx -> {
                  ctx.step().run("work", String.class, key -> "done");
                  ctx.step().sendEvent("notify", new Reply("sent"));
                  return null;
                });
    DurableEngine engine =
        DurableEngine.builder(
                new PostgresRunStore(database.dataSource()),
                EngineSettings.defaults("rabbit-test", "worker-1"))
            .codec(kit.codec)
            .functions(List.of(function))
            .random(new Random(1))
            .executors(Runnable::run, Runnable::run)
            .openTelemetry(otel)
            .build();
    try (RabbitMessageSource source = new RabbitMessageSource(connector, otel);
        OutboxRelay relay =
            new OutboxRelay(
                new PostgresOutboxStore(database.dataSource()),
                new RabbitMessagePublisher(connector, Clock.systemUTC()),
                RelaySettings.DEFAULTS,
                otel)) {
      source.subscribe(id, DurableEngine.boundEvents(function), engine.intake(function));
      await().until(() -> kit.consumerCount(kit.names.queue(id)) == 1);

      Span request = otel.getTracer("test").spanBuilder("request").startSpan();
      request.end();
      OutboxMessage ping = kit.ping("a", "traced");
      database.write(
          new OutboxMessage(
              ping.eventId(),
              ping.eventName(),
              ping.aggregateKey(),
              ping.body(),
              TraceHeaders.inject(Context.root().with(request), Map.of())));
      relay.drainOnce();
      await().atMost(Duration.ofSeconds(20)).until(() -> engine.pollOnce() == 1);
      relay.drainOnce();

      String traceId = request.getSpanContext().getTraceId();
      assertThat(spans.getFinishedSpanItems())
          .allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(traceId));
      SpanData publish = only(spans, "publish test/ping");
      assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
      assertThat(publish.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
      assertThat(publish.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))
          .isEqualTo(ping.eventId().toString());
      assertThat(publish.getAttributes().get(AttributeKey.stringKey("messaging.system")))
          .isEqualTo("rabbitmq");
      SpanData process = only(spans, "process test/ping");
      assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
      assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
      assertThat(process.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
          .isEqualTo(kit.names.queue(id));
      SpanData run = only(spans, "run traced");
      assertThat(run.getParentSpanId()).isEqualTo(process.getSpanId());
      SpanData attempt = only(spans, "attempt traced");
      assertThat(attempt.getParentSpanId()).isEqualTo(run.getSpanId());
      assertThat(only(spans, "step work").getParentSpanId()).isEqualTo(attempt.getSpanId());
      SpanData notify = only(spans, "step notify");
      assertThat(notify.getParentSpanId()).isEqualTo(attempt.getSpanId());
      assertThat(only(spans, "publish test/traced.reply").getParentSpanId())
          .isEqualTo(notify.getSpanId());
    } finally {
      engine.close();
      provider.close();
    }
  }

  private static SpanData only(InMemorySpanExporter spans, String name) {
    List<SpanData> found =
        spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
    assertThat(found)
        .as(name + " in " + spans.getFinishedSpanItems().stream().map(SpanData::getName).toList())
        .hasSize(1);
    return found.get(0);
  }
}
