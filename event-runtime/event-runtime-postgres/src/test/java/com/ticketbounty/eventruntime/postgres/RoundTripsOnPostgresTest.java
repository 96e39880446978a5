package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.RoundTripCounter.Counts;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.Outcome;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one 3-step run costs the database, from the delivery of its event to its completion:
 * statements and commits counted on the real PostgreSQL through a counting wrapper of the data
 * source, with the engine assembled through its public API (tracing and metrics on) and driven by
 * one poll with attempts on the polling thread. A count is not a timing: the bounds are exact, so a
 * change that adds a round trip to every run fails here.
 */
class RoundTripsOnPostgresTest {
  // Intake: the run's insert. Claim to completion: the claim, one fenced write per step, the end.
  private static final Counts INTAKE_AT_MOST = new Counts(1, 1);
  private static final Counts RUN_AT_MOST = new Counts(5, 5);

  private static MigratedDatabase database;
  private static RoundTripCounter counter;
  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId) {}

  @BeforeAll
  static void createDatabase() {
    database = MigratedDatabase.create("round_trips", 2);
    counter = new RoundTripCounter(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void aThreeStepRunFromIntakeToCompletionTakesTheFewestRoundTrips() {
    AtomicInteger executions = new AtomicInteger();
    DurableFunction order =
        DurableFunction.named("order")
            .triggeredBy(OrderPlaced.class)
            .handler(
                ctx -> {
                  OrderPlaced placed = ctx.data(OrderPlaced.class);
                  String reserved =
                      ctx.step()
                          .run(
                              "reserve",
                              String.class,
                              key -> executions.incrementAndGet() + ":" + placed.orderId());
                  String charged =
                      ctx.step()
                          .run("charge", String.class, key -> executions.incrementAndGet() + "");
                  return ctx.step()
                      .run(
                          "confirm",
                          String.class,
                          key -> reserved + "/" + charged + "/" + executions.incrementAndGet());
                });
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();
    DurableEngine engine =
        DurableEngine.builder(
                new PostgresRunStore(counter),
                new EngineSettings(
                    "test",
                    "worker-1",
                    4,
                    Duration.ofSeconds(30),
                    100,
                    Duration.ofMillis(200),
                    Limits.DEFAULTS))
            .functions(List.of(order))
            .openTelemetry(otel)
            .meterRegistry(new SimpleMeterRegistry())
            .executors(Runnable::run, Runnable::run)
            .build();

    Cost warmUp = runOne(engine, order);
    Cost measured = runOne(engine, order);

    System.out.printf(
        "A 3-step run on PostgreSQL: intake %s; claim to completion %s; in all %s%n",
        measured.intake(), measured.run(), measured.total());
    assertThat(measured).as("the same work costs the same").isEqualTo(warmUp);
    assertThat(executions).hasValue(6);
    assertThat(measured.intake().roundTrips()).isLessThanOrEqualTo(INTAKE_AT_MOST.roundTrips());
    assertThat(measured.intake().commits()).isLessThanOrEqualTo(INTAKE_AT_MOST.commits());
    assertThat(measured.run().roundTrips()).isLessThanOrEqualTo(RUN_AT_MOST.roundTrips());
    assertThat(measured.run().commits()).isLessThanOrEqualTo(RUN_AT_MOST.commits());
    otel.close();
  }

  /** Delivers one event as its queue would, runs it with one poll, and checks it completed. */
  private Cost runOne(DurableEngine engine, DurableFunction function) {
    EventEnvelope event = codec.envelope(new OrderPlaced("o-" + UUID.randomUUID()), null);
    InboundMessage message =
        new InboundMessage(codec.encode(event).getBytes(StandardCharsets.UTF_8), Map.of(), false);

    Counts start = counter.counts();
    Outcome outcome = engine.intake(function).handle(message);
    Counts taken = counter.counts();
    int claimed = engine.pollOnce();
    Counts end = counter.counts();

    assertThat(outcome).isEqualTo(new Outcome.Processed());
    assertThat(claimed).isEqualTo(1);
    PostgresRunStore store = new PostgresRunStore(database.dataSource());
    RunRecord run =
        store
            .run(UUID.nameUUIDFromBytes((function.id() + "/" + event.id()).getBytes()))
            .orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.output()).contains("/");
    assertThat(store.steps(run.id()))
        .extracting(StepRecord::key, StepRecord::status)
        .containsExactly(
            tuple("reserve", StepStatus.COMPLETED),
            tuple("charge", StepStatus.COMPLETED),
            tuple("confirm", StepStatus.COMPLETED));
    return new Cost(taken.minus(start), end.minus(taken));
  }

  /** What one run cost: its intake, and its claim to its completion. */
  record Cost(Counts intake, Counts run) {
    Counts total() {
      return new Counts(intake.roundTrips() + run.roundTrips(), intake.commits() + run.commits());
    }
  }
}
