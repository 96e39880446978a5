package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.DeadLetter;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RetentionPrunerTest {
  private static TestDatabase database;
  private static DataSource dataSource;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create("retention");
    dataSource = database.dataSource();
    RuntimeSchema.migrate(dataSource);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void removesFinishedRecordsOlderThanTheRetentionPeriodAndNothingElse() throws Exception {
    outbox("old-sent", "now() - interval '8 days'");
    UUID recentSent = outbox("recent-sent", "now() - interval '6 days'");
    UUID oldUnsent = outbox("old-unsent", null);
    execute(
        "UPDATE event_runtime.outbox SET created_at = now() - interval '30 days'"
            + " WHERE event_id = '"
            + oldUnsent
            + "'");
    inbox("old", "now() - interval '8 days'");
    inbox("recent", "now() - interval '1 day'");
    PostgresDeadLetterStore deadLetters = new PostgresDeadLetterStore(dataSource);
    deadLetters.save(letter("redriven-long-ago"));
    deadLetters.save(letter("never-redriven"));
    execute(
        "UPDATE event_runtime.dead_letters SET redriven_at = now() - interval '9 days'"
            + " WHERE message_id = 'redriven-long-ago'");
    execute("UPDATE event_runtime.dead_letters SET dead_lettered_at = now() - interval '10 days'");
    run("ended-long-ago", "completed", "now() - interval '8 days'");
    run("recently-ended", "failed", "now() - interval '2 days'");
    run("long-running", "sleeping", "NULL");

    Map<String, Integer> deleted = new RetentionPruner(dataSource, 1).prune(Duration.ofDays(7));

    assertThat(deleted)
        .containsEntry("outbox", 1)
        .containsEntry("inbox", 1)
        .containsEntry("dead_letters", 1)
        .containsEntry("runs", 1);
    assertThat(ids("SELECT event_id::text FROM event_runtime.outbox"))
        .containsExactlyInAnyOrder(recentSent.toString(), oldUnsent.toString());
    assertThat(ids("SELECT subscription FROM event_runtime.inbox")).containsExactly("recent");
    assertThat(ids("SELECT message_id FROM event_runtime.dead_letters"))
        .containsExactly("never-redriven");
    assertThat(ids("SELECT function_id FROM event_runtime.runs"))
        .containsExactlyInAnyOrder("recently-ended", "long-running");
    assertThat(
            ids(
                "SELECT r.function_id FROM event_runtime.steps s"
                    + " JOIN event_runtime.runs r ON r.id = s.run_id"))
        .containsExactlyInAnyOrder("recently-ended", "long-running");
    assertThat(ids("SELECT count(*)::text FROM event_runtime.steps")).containsExactly("2");
  }

  @Test
  void removesCronTicksOlderThanTheRetentionPeriodButEachFunctionsLatest() throws Exception {
    cronTick("nightly", "now() - interval '10 days'");
    cronTick("nightly", "now() - interval '9 days'");
    cronTick("nightly", "now() - interval '1 day'");
    // Its only tick is old, yet it is the one the start-up catch-up would run again if it were
    // gone.
    cronTick("monthly", "now() - interval '20 days'");

    Map<String, Integer> deleted = new RetentionPruner(dataSource, 1).prune(Duration.ofDays(7));

    assertThat(deleted).containsEntry("cron_ticks", 2);
    assertThat(
            ids(
                "SELECT function_id || ' ' || (now()::date - tick::date) FROM event_runtime.cron_ticks"))
        .containsExactlyInAnyOrder("nightly 1", "monthly 20");
  }

  private static UUID outbox(String aggregate, String publishedAt) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection connection = dataSource.getConnection()) {
      new OutboxWriter()
          .write(connection, new OutboxMessage(id, "test/x", aggregate, "{}", Map.of()));
    }
    if (publishedAt != null) {
      execute(
          "UPDATE event_runtime.outbox SET published_at = "
              + publishedAt
              + " WHERE event_id = '"
              + id
              + "'");
    }
    return id;
  }

  private static void inbox(String subscription, String processedAt) throws SQLException {
    execute(
        "INSERT INTO event_runtime.inbox (subscription, event_id, processed_at) VALUES ('"
            + subscription
            + "', gen_random_uuid(), "
            + processedAt
            + ")");
  }

  private static void cronTick(String function, String tick) throws SQLException {
    execute(
        "INSERT INTO event_runtime.cron_ticks (function_id, tick, claimed_at) VALUES ('"
            + function
            + "', "
            + tick
            + ", "
            + tick
            + ")");
  }

  /** A run created 30 days ago with one step, ended at {@code endedAt} (SQL, or NULL). */
  private static void run(String function, String status, String endedAt) throws SQLException {
    UUID id = UUID.randomUUID();
    execute(
        "INSERT INTO event_runtime.runs (id, function_id, event_id, event, status, due_at,"
            + " created_at, ended_at) VALUES ('"
            + id
            + "', '"
            + function
            + "',"
            + " gen_random_uuid(), '{}', '"
            + status
            + "', now(), now() - interval '30 days', "
            + endedAt
            + ")");
    execute(
        "INSERT INTO event_runtime.steps (run_id, step_key, status, attempts, sequence,"
            + " first_recorded_at, recorded_at) VALUES ('"
            + id
            + "', 'only', 'completed', 1,"
            + " nextval('event_runtime.step_sequence'), now(), now())");
  }

  private static DeadLetter letter(String messageId) {
    return new DeadLetter("q", messageId, "test/x", "reason", new byte[] {1}, Map.of());
  }

  private static List<String> ids(String sql) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
