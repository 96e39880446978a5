package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A worker process for {@link WorkerCrashTest}: a plain {@code java} process running the engine on
 * PostgreSQL. Every step records in {@code marks} that it ran and in which worker; the first worker
 * then hangs inside step {@code b} until it is killed. Arguments: JDBC URL, worker name, and {@code
 * submit} to start the run.
 */
public final class CrashingWorker {
  @EventType(name = "test/job.started", version = "1.0")
  public record JobStarted(String jobId) {}

  private CrashingWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String worker = args[1];
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser("postgres");
    DurableFunction job =
        DurableFunction.named("job")
            .triggeredBy(JobStarted.class)
            .handler(
                ctx -> {
                  ctx.step().run("a", key -> mark(url, "a", worker));
                  ctx.step()
                      .run(
                          "b",
                          key -> {
                            mark(url, "b", worker);
                            if (worker.equals("first")) {
                              new CountDownLatch(1).await(); // killed in here
                            }
                          });
                  ctx.step().run("c", key -> mark(url, "c", worker));
                  return null;
                });
    EngineSettings settings =
        new EngineSettings(
            "crash-test",
            worker,
            2,
            Duration.ofSeconds(2),
            10,
            Duration.ofMillis(100),
            Limits.DEFAULTS);
    DurableEngine engine =
        DurableEngine.builder(new PostgresRunStore(dataSource), settings)
            .functions(List.of(job))
            .build();
    if (args.length > 2 && args[2].equals("submit")) {
      engine.submit(
          List.of(new EventCodec(Clock.systemUTC()).envelope(new JobStarted("job-1"), null)));
    }
    engine.start();
    System.out.println("worker " + worker + " running");
    new CountDownLatch(1).await(); // until the test stops this process
  }

  private static void mark(String url, String step, String worker) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO marks (step, worker) VALUES (?, ?)")) {
      insert.setString(1, step);
      insert.setString(2, worker);
      insert.executeUpdate();
    }
  }
}
