package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.ticketbounty.eventruntime.postgres.RuntimeSchema;
import com.ticketbounty.eventruntime.rabbitmq.CrashPointWorker.JobStarted;
import com.ticketbounty.eventruntime.rabbitmq.CrashPointWorker.Point;
import com.ticketbounty.testsupport.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker JVM killed with {@code destroyForcibly} between two durable actions, one test per crash
 * point, then a second worker started: nothing is lost. The workers run the engine on PostgreSQL,
 * the function queues on RabbitMQ and the outbox relay ({@link CrashPointWorker}).
 */
class CrashPointTest {
  private static final Duration LONG = Duration.ofSeconds(60);

  private TestDatabase database;
  private RabbitTestKit kit;
  private final List<Process> workers = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    database = TestDatabase.create("crash_point");
    RuntimeSchema.migrate(database.dataSource());
    strings(
        "CREATE TABLE marks (seq BIGINT GENERATED ALWAYS AS IDENTITY, step TEXT NOT NULL,"
            + " worker TEXT NOT NULL, idempotency_key TEXT NOT NULL)");
    kit = new RabbitTestKit();
    // The listener consumes only on the second worker; its queue exists from the start, as it
    // would in a service that was deployed before, so that nothing published meanwhile is unrouted.
    String listenerQueue = kit.queueOf("listener");
    // The exchanges as the transport declares them on connecting (ConnectionOpener).
    try (RabbitConnector connector = RabbitConnector.start(kit.settings());
        Channel channel = await().until(() -> channelOf(connector), c -> c != null)) {
      SubscriptionTopology.declare(
          channel,
          kit.names,
          listenerQueue,
          Set.of("test/job.announced"),
          kit.settings().deliveryLimit());
    }
    kit.queueOf("job");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Process worker : workers) {
      worker.destroyForcibly();
      worker.waitFor(10, TimeUnit.SECONDS);
    }
    kit.close();
    database.close();
  }

  @Test
  void aStepWhoseBodyRanButWhoseMemoWasNotCommittedRunsAgainWithTheSameKey() throws Exception {
    crashAt(Point.STEP_DONE);
    assertThat(count("SELECT count(*) FROM event_runtime.steps")).isZero();

    finishOnASecondWorker();

    assertThat(marks()).containsExactly("a:first", "crash:first", "a:second", "heard:second");
    assertThat(keysOf("a")).hasSize(2).containsOnly(keysOf("a").get(0));
  }

  @Test
  void aStepWhoseMemoWasCommittedDoesNotRunAgain() throws Exception {
    crashAt(Point.MEMO_COMMITTED);
    assertThat(count("SELECT count(*) FROM event_runtime.steps WHERE status = 'completed'"))
        .isOne();

    finishOnASecondWorker();

    assertThat(marks()).containsExactly("a:first", "crash:first", "heard:second");
  }

  @Test
  void aDeliveryIsAckedOnlyAfterItsRunExistsAndItsRedeliveryFindsThatRun() throws Exception {
    crashAt(Point.RUN_CREATED);
    assertThat(count("SELECT count(*) FROM event_runtime.runs")).isOne();
    // Killed before the ack: the broker puts the delivery back.
    await().until(() -> kit.readyCount(kit.names.queue("job")) == 1);

    finishOnASecondWorker();

    assertThat(count("SELECT count(*) FROM event_runtime.runs WHERE function_id = 'job'")).isOne();
    assertThat(marks()).containsExactly("crash:first", "a:second", "heard:second");
    assertThat(kit.readyCount(kit.names.queue("job"))).isZero();
  }

  @Test
  void anOutboxRowWrittenButNotPublishedIsPublishedAfterTheRestart() throws Exception {
    crashAt(Point.OUTBOX_WRITTEN);
    assertThat(unsentOutboxRows()).isOne();
    assertThat(kit.readyCount(kit.names.queue("listener"))).isZero();

    finishOnASecondWorker();

    assertThat(marks()).containsExactly("a:first", "crash:first", "heard:second");
    await().until(() -> unsentOutboxRows() == 0);
  }

  @Test
  void anOutboxRowPublishedButNotMarkedSentIsPublishedAgainAndConsumedOnce() throws Exception {
    String watch = kit.watch("announced", "test/job.announced");
    crashAt(Point.PUBLISHED);
    assertThat(unsentOutboxRows()).isOne();

    finishOnASecondWorker();

    await().until(() -> unsentOutboxRows() == 0);
    List<String> published =
        kit.take(watch, 2).stream().map(r -> r.getProps().getMessageId()).toList();
    assertThat(published).hasSize(2).containsOnly(published.get(0));
    assertThat(count("SELECT count(*) FROM event_runtime.runs WHERE function_id = 'listener'"))
        .isOne();
    assertThat(marks()).containsExactly("a:first", "crash:first", "heard:second");
  }

  /** Starts the first worker, sends the job and kills the worker once it hangs at the point. */
  private void crashAt(Point point) throws Exception {
    Process first = start("first", point);
    await().atMost(LONG).until(() -> kit.consumerCount(kit.names.queue("job")) == 1);
    kit.publishRaw(
        "test/job.started", kit.codec.encode(kit.codec.envelope(new JobStarted("j-1"), null)));
    await().atMost(LONG).until(() -> marks().contains("crash:first") || !first.isAlive());
    assertThat(first.isAlive()).as("the first worker reached " + point).isTrue();
    first.destroyForcibly();
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  /** A second worker finishes the job and the listener's run on the event the job announced. */
  private void finishOnASecondWorker() throws Exception {
    start("second", Point.NONE);
    await()
        .atMost(LONG)
        .until(
            () ->
                Set.copyOf(strings("SELECT function_id || ':' || status FROM event_runtime.runs")),
            runs -> runs.equals(Set.of("job:completed", "listener:completed")));
  }

  private Process start(String worker, Point point) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            CrashPointWorker.class.getName(),
            database.jdbcUrl(),
            kit.rabbit.host(),
            String.valueOf(kit.rabbit.port()),
            kit.rabbit.prefix(),
            worker,
            point.name());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(new File("target/crash-point-" + point + "-" + worker + ".log"))
            .start();
    workers.add(process);
    return process;
  }

  private static Channel channelOf(RabbitConnector connector) {
    try {
      return connector.openChannel();
    } catch (IOException | RuntimeException e) {
      return null; // not connected yet
    }
  }

  private List<String> marks() throws SQLException {
    return strings("SELECT step || ':' || worker FROM marks ORDER BY seq");
  }

  private List<String> keysOf(String step) throws SQLException {
    return strings("SELECT idempotency_key FROM marks WHERE step = ? ORDER BY seq", step);
  }

  private long unsentOutboxRows() throws SQLException {
    return count("SELECT count(*) FROM event_runtime.outbox WHERE published_at IS NULL");
  }

  private long count(String sql) throws SQLException {
    return Long.parseLong(strings(sql).get(0));
  }

  /** The first column of every row, as text; a statement without rows answers none. */
  private List<String> strings(String sql, String... params) throws SQLException {
    try (java.sql.Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setString(i + 1, params[i]);
      }
      List<String> values = new ArrayList<>();
      if (statement.execute()) {
        try (ResultSet rows = statement.getResultSet()) {
          while (rows.next()) {
            values.add(rows.getString(1));
          }
        }
      }
      return values;
    }
  }
}
