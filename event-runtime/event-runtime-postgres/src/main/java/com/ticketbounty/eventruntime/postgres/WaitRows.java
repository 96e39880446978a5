package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.Correlation;
import com.ticketbounty.eventruntime.spi.OpenWait;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.WaitRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code waitForEvent} registrations: one row per waiting step. */
final class WaitRows {
  private static final String UPSERT =
      """
      INSERT INTO event_runtime.waits (run_id, step_key, event_name, match, timeout_at,
                                       correlation_path, correlation_value)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (run_id, step_key) DO UPDATE
         SET event_name = EXCLUDED.event_name, match = EXCLUDED.match,
             timeout_at = EXCLUDED.timeout_at, correlation_path = EXCLUDED.correlation_path,
             correlation_value = EXCLUDED.correlation_value
      """;

  /**
   * The waits an event may resolve, with each run's trigger, so that matching is one query, not one
   * per wait: those without a correlation (matched by CEL alone), and those whose (path, value) is
   * one of the event's, each an index probe. The paths in use for the name are few, so they are
   * found first by a loose scan of the index (one probe per path, not one per wait), and only the
   * event's values at those paths are probed; the event's other fields cost nothing. Each
   * candidate's run is read by its key (OFFSET 0 keeps the lateral subquery a probe per row):
   * joined plainly, a hundred candidates made the planner read every waiting run instead.
   */
  static final String BY_EVENT =
      """
      WITH RECURSIVE paths (path) AS (
          (SELECT correlation_path FROM event_runtime.waits
            WHERE event_name = ? AND correlation_path IS NOT NULL
            ORDER BY correlation_path LIMIT 1)
        UNION ALL
          SELECT (SELECT w.correlation_path FROM event_runtime.waits w
                   WHERE w.event_name = ? AND w.correlation_path > p.path
                   ORDER BY w.correlation_path LIMIT 1)
            FROM paths p WHERE p.path IS NOT NULL
      ), wanted AS (
          SELECT e.path, e.value
            FROM unnest(?::text[], ?::text[]) AS e (path, value) JOIN paths p ON p.path = e.path
      ), candidates AS (
          SELECT w.* FROM event_runtime.waits w
           WHERE w.event_name = ? AND w.correlation_path IS NULL
        UNION ALL
          SELECT w.* FROM wanted e JOIN event_runtime.waits w
              ON w.event_name = ? AND w.correlation_path = e.path AND w.correlation_value = e.value
      )
      SELECT c.run_id, c.step_key, c.event_name, c.match, c.timeout_at, c.correlation_path,
             c.correlation_value, r.run_event
        FROM candidates c CROSS JOIN LATERAL (
            SELECT r.event::text AS run_event FROM event_runtime.runs r
             WHERE r.id = c.run_id AND r.status = 'waiting'
            OFFSET 0) r
       ORDER BY c.seq
      """;

  private static final String DEFER =
      """
      UPDATE event_runtime.runs r SET due_at = ?
       WHERE r.id = ? AND r.status = 'waiting'
         AND EXISTS (SELECT 1 FROM event_runtime.steps s
                      WHERE s.run_id = r.id AND s.step_key = ? AND s.status = 'waiting')
      """;

  private WaitRows() {}

  static void write(Connection connection, List<WaitRecord> waits) throws SQLException {
    if (waits.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      for (WaitRecord wait : waits) {
        upsert.setObject(1, wait.step().runId());
        upsert.setString(2, wait.step().stepKey());
        upsert.setString(3, wait.eventName());
        upsert.setString(4, wait.match());
        Jdbc.setInstant(upsert, 5, wait.timeoutAt());
        Correlation correlation = wait.correlation();
        upsert.setString(6, correlation == null ? null : correlation.path());
        upsert.setString(7, correlation == null ? null : correlation.value());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  static List<OpenWait> forEvent(
      Connection connection, String eventName, Set<Correlation> correlations) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(BY_EVENT)) {
      bindByEvent(connection, select, eventName, correlations);
      List<OpenWait> waits = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          String path = row.getString("correlation_path");
          waits.add(
              new OpenWait(
                  new WaitRecord(
                      new ParentStep(
                          row.getObject("run_id", UUID.class), row.getString("step_key")),
                      row.getString("event_name"),
                      row.getString("match"),
                      Jdbc.requiredInstant(row, "timeout_at"),
                      path == null
                          ? null
                          : new Correlation(path, row.getString("correlation_value"))),
                  row.getString("run_event")));
        }
      }
      return waits;
    }
  }

  static void bindByEvent(
      Connection connection,
      PreparedStatement select,
      String eventName,
      Set<Correlation> correlations)
      throws SQLException {
    List<Correlation> values = List.copyOf(correlations);
    select.setString(1, eventName);
    select.setString(2, eventName);
    select.setArray(
        3, connection.createArrayOf("text", values.stream().map(Correlation::path).toArray()));
    select.setArray(
        4, connection.createArrayOf("text", values.stream().map(Correlation::value).toArray()));
    select.setString(5, eventName);
    select.setString(6, eventName);
  }

  static void defer(Connection connection, ParentStep step, Instant dueAt) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(DEFER)) {
      Jdbc.setInstant(update, 1, dueAt);
      update.setObject(2, step.runId());
      update.setString(3, step.stepKey());
      update.executeUpdate();
    }
  }
}
