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
  void removesFinishedRowsOlderThanTheRetentionPeriodAndNothingElse() throws Exception {
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
        "UPDATE event_runtime.dead_letters SET redriven_at = now() - interval '9 days',"
            + " dead_lettered_at = now() - interval '10 days' WHERE message_id = 'redriven-long-ago'");
    execute(
        "UPDATE event_runtime.dead_letters SET dead_lettered_at = now() - interval '10 days'"
            + " WHERE message_id = 'never-redriven'");

    Map<String, Integer> deleted = new RetentionPruner(dataSource, 1).prune(Duration.ofDays(7));

    assertThat(deleted)
        .containsEntry("outbox", 1)
        .containsEntry("inbox", 1)
        .containsEntry("dead_letters", 1);
    assertThat(ids("SELECT event_id::text FROM event_runtime.outbox"))
        .isEqualTo(recentSent + "," + oldUnsent);
    assertThat(ids("SELECT subscription FROM event_runtime.inbox")).isEqualTo("recent");
    assertThat(ids("SELECT message_id FROM event_runtime.dead_letters"))
        .isEqualTo("never-redriven");
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

  private static DeadLetter letter(String messageId) {
    return new DeadLetter("q", messageId, "test/x", "reason", new byte[] {1}, Map.of());
  }

  private static String ids(String sql) throws SQLException {
    StringBuilder ids = new StringBuilder();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql + " ORDER BY 1")) {
      while (rows.next()) {
        ids.append(ids.isEmpty() ? "" : ",").append(rows.getString(1));
      }
    }
    return ids.toString();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
