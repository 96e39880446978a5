package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.DeadLetter;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.telemetry.RuntimeGauges;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Traces and meters with the run store on PostgreSQL: a run keeps its trace context on its row, so
 * an attempt made by another engine instance after a restart is still a child of the run, linked to
 * the attempt before; the meters and the gauges read after real runs and rows.
 */
class TelemetryOnPostgresTest {
  private static MigratedDatabase database;
  private static DataSource dataSource;
  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  @EventType(name = "test/telemetry.asked", version = "1.0")
  record Asked(String text) {}

  @BeforeAll
  static void createDatabase() {
    database = MigratedDatabase.create("telemetry", 4);
    dataSource = database.dataSource();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void anAttemptOfAnotherInstanceAfterARestartIsInTheRunsTraceAndLinksToTheOneBefore() {
    DurableFunction napper =
        DurableFunction.named("napper")
            .triggeredBy(Asked.class)
            .handler(
                ctx -> {
                  ctx.step().sleep("nap", Duration.ofMillis(300));
                  ctx.step().run("after", String.class, key -> "woke");
                  return null;
                });
    Traces first = new Traces();
    DurableEngine before = engine("worker-1", List.of(napper), first.otel, null);
    Span request = first.otel.getTracer("test").spanBuilder("request").startSpan();
    try (Scope _ = request.makeCurrent()) {
      before.submit(List.of(event("nap please")));
    }
    request.end();
    await().until(() -> before.pollOnce() == 1);
    before.close();

    // A new process: its own SDK, the run's context read back from its row.
    Traces second = new Traces();
    DurableEngine after = engine("worker-2", List.of(napper), second.otel, null);
    RunRecord run = onlyRun("napper");
    await().atMost(Duration.ofSeconds(10)).until(() -> after.pollOnce() == 1);
    after.close();

    String traceId = request.getSpanContext().getTraceId();
    SpanData runSpan = first.only("run napper");
    assertThat(runSpan.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(run.trace().traceId()).isEqualTo(traceId);
    assertThat(run.trace().run()).contains(runSpan.getSpanId());
    SpanData sleeping = first.only("attempt napper");
    SpanData resumed = second.only("attempt napper");
    assertThat(resumed.getTraceId()).isEqualTo(traceId);
    assertThat(resumed.getParentSpanId()).isEqualTo(runSpan.getSpanId());
    assertThat(resumed.getLinks())
        .singleElement()
        .satisfies(
            link -> assertThat(link.getSpanContext().getSpanId()).isEqualTo(sleeping.getSpanId()));
    assertThat(second.only("step after").getParentSpanId()).isEqualTo(resumed.getSpanId());
    assertThat(onlyRun("napper").status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void metersRunsStepsRetriesAndConcurrencyWaitsAndGaugesReadTheRows() throws SQLException {
    AtomicInteger calls = new AtomicInteger();
    DurableFunction flaky =
        DurableFunction.named("flaky")
            .triggeredBy(Asked.class)
            .retryPolicy(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100)))
            .concurrency(1)
            .handler(
                ctx ->
                    ctx.step()
                        .run(
                            "call",
                            String.class,
                            key -> {
                              if (calls.incrementAndGet() == 1) {
                                throw new IllegalStateException("once");
                              }
                              return "ok";
                            }));
    DurableFunction doomed =
        DurableFunction.named("doomed")
            .triggeredBy(Asked.class)
            .retries(0)
            .handler(
                ctx -> {
                  ctx.step()
                      .run(
                          "give-up",
                          key -> {
                            throw new IllegalStateException("never");
                          });
                  return null;
                });
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DurableEngine engine = engine("worker-3", List.of(flaky, doomed), OpenTelemetry.noop(), meters);
    engine.submit(List.of(event("go")));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              engine.pollOnce();
              return onlyRun("flaky").status().finished() && onlyRun("doomed").status().finished();
            });
    engine.close();

    assertThat(count(meters, "eventruntime.runs", "function", "flaky", "status", "completed"))
        .isEqualTo(1);
    assertThat(count(meters, "eventruntime.runs", "function", "doomed", "status", "failed"))
        .isEqualTo(1);
    assertThat(meters.get("eventruntime.run.duration").tag("function", "flaky").timer().count())
        .isEqualTo(1);
    assertThat(
            meters
                .get("eventruntime.step.duration")
                .tags("function", "flaky", "step", "call")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(count(meters, "eventruntime.step.retries", "function", "flaky", "step", "call"))
        .isEqualTo(1);
    assertThat(meters.get("eventruntime.concurrency.wait").tag("function", "flaky").timer().count())
        .isEqualTo(2);

    // Gauges: two queued runs, a dead letter, an unsent outbox row, read from the tables.
    DurableEngine idle = engine("worker-4", List.of(flaky, doomed), OpenTelemetry.noop(), null);
    idle.submit(List.of(event("wait")));
    new PostgresDeadLetterStore(dataSource)
        .save(new DeadLetter("q.flaky", "m-1", "test/x", "bad", new byte[] {1}, Map.of()));
    try (Connection connection = dataSource.getConnection()) {
      new OutboxWriter()
          .write(connection, new OutboxMessage(UUID.randomUUID(), "test/x", "a", "{}", Map.of()));
    }
    RuntimeGauges gauges =
        RuntimeGauges.register(
            meters, new PostgresRuntimeCounts(dataSource), List.of("flaky", "doomed"));
    gauges.refresh();
    assertThat(gauge(meters, "eventruntime.runs.waiting", "function", "flaky", "status", "queued"))
        .isEqualTo(1);
    assertThat(gauge(meters, "eventruntime.runs.waiting", "function", "doomed", "status", "queued"))
        .isEqualTo(1);
    assertThat(
            gauge(meters, "eventruntime.runs.waiting", "function", "flaky", "status", "sleeping"))
        .isZero();
    assertThat(gauge(meters, "eventruntime.dead.letters", "queue", "q.flaky")).isEqualTo(1);
    assertThat(meters.get("eventruntime.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(1);
  }

  private static double count(MeterRegistry meters, String name, String... tags) {
    return meters.get(name).tags(tags).counter().count();
  }

  private static double gauge(MeterRegistry meters, String name, String... tags) {
    return meters.get(name).tags(tags).gauge().value();
  }

  private EventEnvelope event(String text) {
    return codec.envelope(new Asked(text), null);
  }

  private static RunRecord onlyRun(String functionId) {
    List<RunRecord> runs =
        new PostgresRunQueries(dataSource)
            .find(
                new com.ticketbounty.eventruntime.spi.RunQueries.Filter(
                    java.util.Optional.of(functionId),
                    java.util.Set.of(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    10));
    assertThat(runs).hasSize(1);
    return runs.get(0);
  }

  private DurableEngine engine(
      String worker, List<DurableFunction> functions, OpenTelemetry otel, MeterRegistry meters) {
    DurableEngine.Builder builder =
        DurableEngine.builder(
                new PostgresRunStore(dataSource),
                new EngineSettings(
                    "test",
                    worker,
                    4,
                    Duration.ofSeconds(5),
                    100,
                    Duration.ofMillis(50),
                    Limits.DEFAULTS))
            .codec(codec)
            .functions(functions)
            .random(new Random(42))
            .executors(Runnable::run, Runnable::run)
            .openTelemetry(otel);
    if (meters != null) {
      builder.meterRegistry(meters);
    }
    return builder.build();
  }

  /** One process's tracing: an SDK exporting to memory. */
  private static final class Traces {
    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final OpenTelemetrySdk otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();

    SpanData only(String name) {
      List<SpanData> found =
          spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
      assertThat(found).as(name).hasSize(1);
      return found.get(0);
    }
  }
}
