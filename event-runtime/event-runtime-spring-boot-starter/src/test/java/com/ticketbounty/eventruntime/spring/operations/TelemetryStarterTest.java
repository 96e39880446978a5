package com.ticketbounty.eventruntime.spring.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.PostgresRunStore;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spring.TestService;
import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The starter hands the service's {@link OpenTelemetry} and {@link MeterRegistry} beans to the
 * relay, the consumers, the engine and the gauges: an event published under a span runs a function
 * in that span's trace, the operations view shows the run's trace id, and the meters are there.
 */
@SpringBootTest(classes = TelemetryStarterTest.App.class)
class TelemetryStarterTest {
  private static final TestDatabase DATABASE = TestDatabase.create("starter-telemetry");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  @EventType(name = "test/traced.thing", version = "1.0")
  record TracedThing(String thingId) {}

  @Autowired TransactionalEventPublisher publisher;
  @Autowired ReactiveTransactionManager transactions;
  @Autowired DataSource dataSource;
  @Autowired DurableEngine engine;
  @Autowired OpenTelemetry openTelemetry;
  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestService.register(registry, "telemetry-test", DATABASE, RABBIT);
  }

  @AfterAll
  static void cleanUp() {
    String function = RABBIT.prefix() + "telemetry-test.trace-thing";
    RABBIT.delete(
        List.of(function, function + ".dlq"),
        List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Test
  void aFunctionRunsInThePublishersTraceAndIsMetered() {
    String thing = "thing-" + System.nanoTime();
    Span request = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
    try (Scope _ = request.makeCurrent()) {
      TransactionalOperator.create(transactions)
          .transactional(publisher.publish(thing, new TracedThing(thing), null))
          .block();
    } finally {
      request.end();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> SPANS.getFinishedSpanItems().stream().anyMatch(this::endedAttempt));
    String traceId = request.getSpanContext().getTraceId();
    assertThat(SPANS.getFinishedSpanItems())
        .filteredOn(
            span ->
                span.getName().endsWith("trace-thing") || span.getName().contains("traced.thing"))
        .extracting(SpanData::getName)
        .contains(
            "publish test/traced.thing",
            "process test/traced.thing",
            "run trace-thing",
            "attempt trace-thing");
    assertThat(SPANS.getFinishedSpanItems())
        .filteredOn(span -> span.getName().equals("step record"))
        .singleElement()
        .satisfies(span -> assertThat(span.getTraceId()).isEqualTo(traceId));

    RunRecord run =
        new PostgresRunStore(dataSource)
            .run(
                engine.functions().stream()
                    .filter(f -> f.id().equals("trace-thing"))
                    .findFirst()
                    .map(f -> onlyRunId())
                    .orElseThrow())
            .orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    Map<String, Object> view =
        new RunViews("telemetry-test", Set.of("trace-thing")::contains).run(run);
    assertThat(view).containsEntry("traceId", traceId);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        meters
                            .get("eventruntime.runs")
                            .tags("function", "trace-thing", "status", "completed")
                            .counter()
                            .count())
                    .isEqualTo(1));
    assertThat(meters.get("eventruntime.outbox.backlog").gauge()).isNotNull();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        meters
                            .get("eventruntime.runs.waiting")
                            .tags("function", "trace-thing", "status", "queued")
                            .gauge()
                            .value())
                    .isZero());
  }

  private boolean endedAttempt(SpanData span) {
    return span.getName().equals("attempt trace-thing");
  }

  private java.util.UUID onlyRunId() {
    return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
        .sql("SELECT id FROM event_runtime.runs WHERE function_id = 'trace-thing'")
        .query(java.util.UUID.class)
        .single();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    OpenTelemetry openTelemetry() {
      return OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(SPANS))
                  .build())
          .build();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    DurableFunction traceThing() {
      return DurableFunction.named("trace-thing")
          .triggeredBy(TracedThing.class)
          .handler(
              ctx -> {
                ctx.step().run("record", key -> {});
                return null;
              });
    }
  }
}
