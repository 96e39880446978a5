package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A service process stopped with SIGTERM ({@code Process.destroy()}) while a run is inside a step,
 * the engine running through the starter's lifecycle: the running step either finishes during the
 * graceful shutdown, or is left to its lease and the run completes on the next worker; no step is
 * lost, and no finished step runs again.
 */
class SigtermTest {
  private static final Duration LONG = Duration.ofSeconds(90);

  private TestDatabase database;
  private JdbcClient jdbc;
  private final TestRabbit rabbit = new TestRabbit();
  private final List<Process> workers = new ArrayList<>();

  @BeforeEach
  void createDatabase() {
    database = TestDatabase.create("sigterm");
    jdbc = JdbcClient.create(database.dataSource());
    jdbc.sql(
            "CREATE TABLE marks (seq BIGINT GENERATED ALWAYS AS IDENTITY, step TEXT NOT NULL,"
                + " worker TEXT NOT NULL)")
        .update();
    jdbc.sql("CREATE TABLE releases (at TIMESTAMPTZ NOT NULL DEFAULT now())").update();
  }

  @AfterEach
  void stopWorkers() throws InterruptedException {
    for (Process worker : workers) {
      worker.destroyForcibly();
      worker.waitFor(10, TimeUnit.SECONDS);
    }
    String queue = rabbit.prefix() + "sigterm-test.job";
    rabbit.delete(
        List.of(queue, queue + ".dlq"),
        List.of(rabbit.prefix() + "events", rabbit.prefix() + "events.dlx"));
    database.close();
  }

  @Test
  void theRunningStepFinishesDuringTheGracefulShutdownWhileItsLeaseIsRenewed() throws Exception {
    Process first = startAndSend("first", "20s");

    first.destroy();
    await().atMost(LONG).until(() -> marks().contains("closing:first"));
    String closing = jdbc.sql("SELECT now()::text").query(String.class).single();
    // The step ends only once the 2 s lease it held at the start of the shutdown is long gone:
    // it keeps the run because the lease is still renewed while the shutdown waits for it.
    await()
        .atMost(LONG)
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM event_runtime.runs"
                                + " WHERE lease_expires_at > CAST(? AS timestamptz) + interval '2 s'"
                                + " AND now() > CAST(? AS timestamptz) + interval '3 s'")
                        .params(closing, closing)
                        .query(Long.class)
                        .single()
                    == 1);
    jdbc.sql("INSERT INTO releases DEFAULT VALUES").update();

    assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the worker exits").isTrue();
    assertThat(marks()).containsExactly("a:first", "b:first", "closing:first", "c:first");
    assertThat(runStatus()).isEqualTo("completed");
  }

  @Test
  void aStepStillRunningAfterTheShutdownTimeoutIsLeftToTheLeaseAndTheNextWorkerCompletesTheRun()
      throws Exception {
    Process first = startAndSend("first", "1s");

    first.destroy();
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the worker exits").isTrue();
    assertThat(runStatus()).isEqualTo("running");
    start("second", "1s");

    await().atMost(LONG).until(() -> "completed".equals(runStatus()));
    assertThat(marks())
        .containsExactly("a:first", "b:first", "closing:first", "b:second", "c:second");
  }

  /** Starts a worker, sends it the job and waits until the run is inside step b. */
  private Process startAndSend(String worker, String shutdownTimeout) throws Exception {
    Process process = start(worker, shutdownTimeout);
    String queue = rabbit.prefix() + "sigterm-test.job";
    await().atMost(LONG).until(() -> consumers(queue) == 1 || !process.isAlive());
    assertThat(process.isAlive()).as("the worker started").isTrue();
    EventCodec codec = new EventCodec(Clock.systemUTC());
    try (Connection connection = rabbit.connectionFactory().newConnection("test");
        Channel channel = connection.createChannel()) {
      channel.basicPublish(
          rabbit.prefix() + "events",
          "test/thing.happened",
          new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
          codec
              .encode(codec.envelope(new ThingHappened("t-1"), null))
              .getBytes(StandardCharsets.UTF_8));
    }
    await().atMost(LONG).until(() -> marks().contains("b:" + worker));
    return process;
  }

  private Process start(String worker, String shutdownTimeout) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ShutdownWorker.class.getName(),
            "--worker=" + worker,
            "--spring.application.name=sigterm-test",
            "--spring.main.web-application-type=none",
            "--spring.datasource.url=" + database.jdbcUrl(),
            "--spring.datasource.username=" + database.user(),
            "--spring.r2dbc.url=" + database.r2dbcUrl(),
            "--spring.r2dbc.username=" + database.user(),
            "--event-runtime.name-prefix=" + rabbit.prefix(),
            "--event-runtime.engine.lease-for=2s",
            "--event-runtime.engine.shutdown-timeout=" + shutdownTimeout);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(new File("target/sigterm-worker-" + worker + ".log"))
            .start();
    workers.add(process);
    return process;
  }

  private long consumers(String queue) {
    try (Connection connection = rabbit.connectionFactory().newConnection("probe");
        Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(queue).getConsumerCount();
    } catch (Exception e) {
      return 0; // not declared yet
    }
  }

  private List<String> marks() {
    return jdbc.sql("SELECT step || ':' || worker FROM marks ORDER BY seq")
        .query(String.class)
        .list();
  }

  private String runStatus() {
    return jdbc.sql("SELECT status FROM event_runtime.runs").query(String.class).single();
  }
}
