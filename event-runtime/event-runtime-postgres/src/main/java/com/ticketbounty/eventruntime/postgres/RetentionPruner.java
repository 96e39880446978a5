package com.ticketbounty.eventruntime.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.util.PGInterval;

/**
 * Deletes what the runtime no longer needs once the retention period has passed: sent outbox rows,
 * inbox records, redriven dead letters, finished runs with their steps and waits, stored events and
 * cron ticks. It never blocks processing: it deletes in small batches, each its own short
 * transaction, and skips rows another transaction holds ({@code SKIP LOCKED}). Every condition is
 * served by an index (V3, V7), so a batch reads only the rows it deletes. Ages are measured on
 * PostgreSQL's clock, like every other time of the runtime.
 *
 * <p>The audit of operator actions ({@link #AUDIT}) has a period of its own, longer as a rule: who
 * replayed or redrove what is asked about long after the run itself is gone.
 *
 * <p>Kept on purpose: {@code cron_deployments} (one row per cron function, which the start-up
 * catch-up needs for as long as the function exists) and the latest tick of each cron function.
 */
public final class RetentionPruner {
  /** What may go, per table, in this order. */
  static final List<Target> TARGETS =
      List.of(
          new Target("outbox", "seq", "published_at < now() - ?"),
          new Target("inbox", "ctid", "processed_at < now() - ?"),
          new Target("dead_letters", "id", "redriven_at < now() - ?"),
          // Their steps and waits go with them (ON DELETE CASCADE).
          new Target(
              "runs",
              "id",
              "status IN ('completed', 'failed', 'cancelled') AND ended_at < now() - ?"),
          new Target("stored_events", "id", "stored_at < now() - ?"),
          // Not a function's latest tick: start-up catches up the latest tick if it is less than
          // one
          // period old, and a monthly tick pruned after 7 days would run again. Rows are never
          // updated, so their ctid is a stable key.
          new Target(
              "cron_ticks",
              "ctid",
              "tick < now() - ? AND EXISTS (SELECT 1 FROM event_runtime.cron_ticks later"
                  + " WHERE later.function_id = cron_ticks.function_id"
                  + " AND later.tick > cron_ticks.tick)"));

  /** The audit of operator actions, pruned after its own period. */
  static final Target AUDIT = new Target("operator_actions", "id", "at < now() - ?");

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
   * Deletes rows finished longer than {@code retention} ago (not the audit).
   *
   * @return how many rows went, per table
   */
  public Map<String, Integer> prune(Duration retention) throws SQLException {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    for (Target target : TARGETS) {
      deleted.put(target.table(), prune(target, retention));
    }
    return deleted;
  }

  /**
   * Deletes as {@link #prune(Duration)} does, and the audit entries older than {@code
   * auditRetention}.
   */
  public Map<String, Integer> prune(Duration retention, Duration auditRetention)
      throws SQLException {
    Map<String, Integer> deleted = prune(retention);
    deleted.put(AUDIT.table(), prune(AUDIT, auditRetention));
    return deleted;
  }

  private int prune(Target target, Duration retention) throws SQLException {
    int total = 0;
    int batch;
    do {
      batch = deleteBatch(target, retention);
      total += batch;
    } while (batch == batchSize);
    return total;
  }

  private int deleteBatch(Target target, Duration retention) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(target.deleteSql())) {
      target.bind(delete, retention, batchSize);
      return delete.executeUpdate();
    }
  }

  /** A table, its key, and the condition that says a row is done and old (one {@code ?}: age). */
  record Target(String table, String key, String condition) {
    /** One batch's delete; parameters: the retention period, the batch size. */
    String deleteSql() {
      return ("DELETE FROM event_runtime.%1$s WHERE %2$s IN (SELECT %2$s FROM event_runtime.%1$s"
              + " WHERE %3$s LIMIT ? FOR UPDATE SKIP LOCKED)")
          .formatted(table, key, condition);
    }

    void bind(PreparedStatement delete, Duration retention, int batchSize) throws SQLException {
      delete.setObject(1, new PGInterval(0, 0, 0, 0, 0, retention.toSeconds()));
      delete.setInt(2, batchSize);
    }
  }
}
