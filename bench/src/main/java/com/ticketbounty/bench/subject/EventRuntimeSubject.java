package com.ticketbounty.bench.subject;

import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.outbox.OutboxRelay;
import com.ticketbounty.eventruntime.outbox.RelaySettings;
import com.ticketbounty.eventruntime.postgres.ConnectionLimit;
import com.ticketbounty.eventruntime.postgres.PostgresOutboxStore;
import com.ticketbounty.eventruntime.postgres.PostgresRunStore;
import com.ticketbounty.eventruntime.postgres.PostgresRuntimeCounts;
import com.ticketbounty.eventruntime.postgres.RuntimeSchema;
import com.ticketbounty.eventruntime.rabbitmq.RabbitConnector;
import com.ticketbounty.eventruntime.rabbitmq.RabbitMessagePublisher;
import com.ticketbounty.eventruntime.rabbitmq.RabbitMessageSource;
import com.ticketbounty.eventruntime.rabbitmq.RabbitSettings;
import com.ticketbounty.eventruntime.telemetry.RuntimeGauges;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * event-runtime as a user outside Spring assembles it (docs/event-runtime.md, "Outside Spring"),
 * with what the starter runs beside the engine: the relay and the gauges. The engine's settings are
 * {@link EngineSettings#defaults}: 64 platform-thread workers, claims of 100, a 200 ms poll; its
 * store lends them {@value #STORE_CONNECTIONS} connections, as the starter's defaults do.
 */
final class EventRuntimeSubject implements SubjectMain.Subject {
  static final String FUNCTION = "bench-steps";
  // The starter's defaults: 8 for the attempts' store calls, 1 each for the lease timer, the
  // due-run listener and the cron timer.
  private static final int STORE_CONNECTIONS = 11;

  private final SubjectArgs args;
  private final DriverLink link;
  private final CompletionSpans completions;
  private final Telemetry telemetry;
  private final HikariDataSource dataSource;
  private RabbitConnector connector;
  private DurableEngine engine;
  private RabbitMessageSource source;
  private OutboxRelay relay;
  private RuntimeGauges gauges;

  EventRuntimeSubject(SubjectArgs args, DriverLink link) {
    this.args = args;
    this.link = link;
    this.completions = new CompletionSpans(link);
    this.telemetry = Telemetry.withHook(completions);
    // The store's 11 + 8 for step bodies + 4 consumer threads (whose intake also goes through the
    // store) + relay and gauges: the starter's count. A compared revision from before the limit
    // has 8 platform workers, each holding at most one: 8 + 8 + 4 + relay, timer, listener, gauges.
    this.dataSource = args.dataSource(23);
  }

  @Override
  public String start() {
    RuntimeSchema.migrate(dataSource);
    RabbitSettings settings =
        RabbitSettings.of("127.0.0.1", 5672, "guest", "guest", "/", args.text("prefix"), "bench");
    connector = RabbitConnector.start(settings);
    DurableFunction function = function(args.number("steps", 3), new StepWork(args.provider()));
    engine =
        DurableEngine.builder(
                new PostgresRunStore(limited(dataSource)),
                EngineSettings.defaults("bench", "bench-" + UUID.randomUUID()))
            .functions(List.of(function))
            .openTelemetry(telemetry.openTelemetry())
            .meterRegistry(telemetry.meters())
            .build();
    engine.start();
    relay =
        new OutboxRelay(
            new PostgresOutboxStore(dataSource),
            new RabbitMessagePublisher(connector, Clock.systemUTC()),
            RelaySettings.DEFAULTS,
            telemetry.openTelemetry());
    relay.start("bench-outbox-relay");
    gauges =
        RuntimeGauges.start(
            telemetry.meters(),
            new PostgresRuntimeCounts(dataSource),
            List.of(FUNCTION),
            Duration.ofSeconds(5));
    source = new RabbitMessageSource(connector, telemetry.openTelemetry());
    source.subscribe(function.id(), DurableEngine.boundEvents(function), engine.intake(function));
    return connector.names().queue(function.id());
  }

  /**
   * The pool behind a {@link ConnectionLimit}, or as it is when {@code --compare} runs this subject
   * on the jars of a revision from before the limit (the class resolves only when this runs).
   */
  private static DataSource limited(DataSource pool) {
    try {
      return new ConnectionLimit(pool, STORE_CONNECTIONS);
    } catch (NoClassDefFoundError olderRevision) {
      return pool;
    }
  }

  private DurableFunction function(int steps, StepWork work) {
    return DurableFunction.named(FUNCTION)
        .triggeredBy(RunRequested.class)
        .handler(
            ctx -> {
              RunRequested event = ctx.data(RunRequested.class);
              completions.running(ctx.runId(), event.seq());
              String eventId = ctx.event().id().toString();
              String result = "";
              for (int i = 1; i <= steps; i++) {
                int step = i;
                result =
                    ctx.step().run("step-" + i, String.class, key -> work.run(eventId, step, key));
              }
              return result;
            });
  }

  @Override
  public void close() {
    source.close();
    engine.shutdown(Duration.ofSeconds(10));
    relay.close();
    gauges.close();
    connector.close();
    telemetry.close();
    dataSource.close();
  }
}
