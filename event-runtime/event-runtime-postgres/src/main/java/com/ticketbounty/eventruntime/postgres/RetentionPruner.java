package com.ticketbounty.eventruntime.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Deletes what the runtime no longer needs once the retention period has passed: sent outbox rows,
 * inbox records, redriven dead letters, finished runs with their steps, and stored events. It never
 * blocks processing: it deletes in small batches, each its own short transaction, and skips rows
 * another transaction holds ({@code SKIP LOCKED}). Ages are measured on PostgreSQL's clock, like
 * every other time of the runtime.
 */
public final class RetentionPruner {
  /** What may go, per table: its key, and the condition that says a row is done and old. */
  private static final List<Target> TARGETS =
      List.of(
          new Target("outbox", "seq", "published_at < now() - ?"),
          new Target("inbox", "ctid", "processed_at < now() - ?"),
          new Target("dead_letters", "id", "redriven_at < now() - ?"),
          // Their steps and waits go with them (ON DELETE CASCADE).
          new Target(
              "runs",
              "id",
              "status IN ('completed', 'failed', 'cancelled') AND ended_at < now() - ?"),
          new Target("stored_events", "id", "stored_at < now() - ?"));

  private final DataSource dataSource;
  private final int batchSize;

  public RetentionPruner(DataSource dataSource, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.dataSource = dataSource;
    this.batchSize = batchSize;
  }

  /**
   * Deletes rows finished longer than {@code retention} ago.
   *
   * @return how many rows went, per table
   */
  public Map<String, Integer> prune(Duration retention) throws SQLException {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    for (Target target : TARGETS) {
      int total = 0;
      int batch;
      do {
        batch = deleteBatch(target, retention);
        total += batch;
      } while (batch == batchSize);
      deleted.put(target.table(), total);
    }
    return deleted;
  }

  private int deleteBatch(Target target, Duration retention) throws SQLException {
    String sql =
        "DELETE FROM event_runtime.%1$s WHERE %2$s IN (SELECT %2$s FROM event_runtime.%1$s"
            + " WHERE %3$s LIMIT ? FOR UPDATE SKIP LOCKED)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                sql.formatted(target.table(), target.key(), target.condition()))) {
      delete.setObject(1, new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, retention.toSeconds()));
      delete.setInt(2, batchSize);
      return delete.executeUpdate();
    }
  }

  private record Target(String table, String key, String condition) {}
}
