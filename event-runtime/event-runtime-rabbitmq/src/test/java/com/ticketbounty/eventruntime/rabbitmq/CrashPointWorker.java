package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.outbox.OutboxRelay;
import com.ticketbounty.eventruntime.outbox.RelaySettings;
import com.ticketbounty.eventruntime.postgres.PostgresOutboxStore;
import com.ticketbounty.eventruntime.postgres.PostgresRunStore;
import com.ticketbounty.eventruntime.spi.MessageSource.Handler;
import com.ticketbounty.eventruntime.spi.Outcome;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A worker process for {@link CrashPointTest}: the engine on PostgreSQL, the function queues on
 * RabbitMQ and the outbox relay, as a service runs them. With a crash point it records {@code
 * crash} in {@code marks} when it gets there and hangs until the test kills it. Function {@code
 * job} runs step {@code a} and sends {@code test/job.announced}; function {@code listener} (only on
 * workers without a crash point) runs step {@code heard}. Every step body records itself, the
 * worker and its idempotency key in {@code marks}. Arguments: JDBC URL, RabbitMQ host, port, name
 * prefix, worker name, crash point ({@link Point}).
 */
public final class CrashPointWorker {
  @EventType(name = "test/job.started", version = "1.0")
  public record JobStarted(String jobId) {}

  @EventType(name = "test/job.announced", version = "1.0")
  public record JobAnnounced(String jobId) {}

  /** Where the worker hangs. */
  enum Point {
    NONE,
    STEP_DONE, // step a's body ran, its memo is not committed
    MEMO_COMMITTED, // step a's memo is committed, the attempt goes no further
    RUN_CREATED, // the delivery's run is committed, the delivery is not acked
    OUTBOX_WRITTEN, // the outbox row is committed, the relay has not published it
    PUBLISHED // the row is published and confirmed, not marked sent
  }

  private CrashPointWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String worker = args[4];
    Point point = Point.valueOf(args[5]);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser("postgres");
    Marks marks = new Marks(url, worker);
    RabbitSettings rabbit =
        RabbitSettings.of(
                args[1],
                Integer.parseInt(args[2]),
                "guest",
                "guest",
                "/",
                args[3],
                RabbitTestKit.SERVICE)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofSeconds(5));
    RabbitConnector connector = RabbitConnector.start(rabbit);
    EventCodec codec = new EventCodec(Clock.systemUTC());

    DurableFunction job =
        DurableFunction.named("job")
            .triggeredBy(JobStarted.class)
            .handler(
                ctx -> {
                  JobStarted started = ctx.data(JobStarted.class);
                  ctx.step()
                      .run(
                          "a",
                          key -> {
                            marks.add("a", key);
                            if (point == Point.STEP_DONE) {
                              marks.crash();
                            }
                          });
                  ctx.step().sendEvent("announce", new JobAnnounced(started.jobId()));
                  return null;
                });
    DurableFunction listener =
        DurableFunction.named("listener")
            .triggeredBy(JobAnnounced.class)
            .handler(
                ctx -> {
                  ctx.step().run("heard", key -> marks.add("heard", key));
                  return null;
                });
    List<DurableFunction> functions = point == Point.NONE ? List.of(job, listener) : List.of(job);

    RunStore store = new PostgresRunStore(dataSource);
    if (point == Point.MEMO_COMMITTED) {
      store = new CrashAfterCommit(store, "a", marks::crash);
    }
    EngineSettings settings =
        new EngineSettings(
            "crash-point",
            worker,
            2,
            Duration.ofSeconds(2),
            10,
            Duration.ofMillis(100),
            Limits.DEFAULTS);
    DurableEngine engine =
        DurableEngine.builder(store, settings).codec(codec).functions(functions).build();

    RabbitMessageSource source = new RabbitMessageSource(connector);
    for (DurableFunction function : functions) {
      Handler handler = engine.intake(function);
      if (point == Point.RUN_CREATED) {
        Handler dispatcher = handler;
        handler =
            message -> {
              Outcome outcome = dispatcher.handle(message);
              if (outcome instanceof Outcome.Processed) {
                marks.crash();
              }
              return outcome;
            };
      }
      source.subscribe(function.id(), DurableEngine.boundEvents(function), handler);
    }
    if (point != Point.RUN_CREATED) { // that worker only takes deliveries in
      engine.start();
      new OutboxRelay(
              new PostgresOutboxStore(dataSource),
              new CrashingPublisher(
                  new RabbitMessagePublisher(connector, Clock.systemUTC()), point, marks),
              // The killed worker's reserved batch is taken over once its reservation expires.
              new RelaySettings(10, Duration.ofMillis(100), Duration.ofMillis(500))
                  .reservingFor(Duration.ofSeconds(2)))
          .start("relay-" + worker);
    }
    System.out.println("worker " + worker + " running, crash point " + point);
    new CountDownLatch(1).await(); // until the test kills this process
  }

  /** Records steps in the test's {@code marks} table over a connection of its own. */
  record Marks(String url, String worker) {
    void add(String step, String key) throws Exception {
      try (Connection connection = DriverManager.getConnection(url, "postgres", "");
          PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO marks (step, worker, idempotency_key) VALUES (?, ?, ?)")) {
        insert.setString(1, step);
        insert.setString(2, worker);
        insert.setString(3, key);
        insert.executeUpdate();
      }
    }

    /** Records that the crash point is reached, then hangs there until killed. */
    void crash() {
      try {
        add("crash", "");
        new CountDownLatch(1).await();
      } catch (Exception e) {
        throw new IllegalStateException("the crash point failed", e);
      }
    }
  }
}
