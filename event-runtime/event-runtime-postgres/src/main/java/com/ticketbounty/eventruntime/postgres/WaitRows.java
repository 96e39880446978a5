package com.ticketbounty.eventruntime.postgres;

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
import java.util.UUID;

/** {@code waitForEvent} registrations: one row per waiting step. */
final class WaitRows {
  private static final String UPSERT =
      """
      INSERT INTO event_runtime.waits (run_id, step_key, event_name, match, timeout_at)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (run_id, step_key) DO UPDATE
         SET event_name = EXCLUDED.event_name, match = EXCLUDED.match,
             timeout_at = EXCLUDED.timeout_at
      """;
  // With each run's trigger, so that matching an event is one query, not one per wait.
  private static final String BY_EVENT =
      """
      SELECT w.run_id, w.step_key, w.event_name, w.match, w.timeout_at, r.event::text AS run_event
        FROM event_runtime.waits w JOIN event_runtime.runs r ON r.id = w.run_id
       WHERE w.event_name = ? AND r.status = 'waiting'
       ORDER BY w.seq
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
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  static List<OpenWait> forEvent(Connection connection, String eventName) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(BY_EVENT)) {
      select.setString(1, eventName);
      List<OpenWait> waits = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          waits.add(
              new OpenWait(
                  new WaitRecord(
                      new ParentStep(
                          row.getObject("run_id", UUID.class), row.getString("step_key")),
                      row.getString("event_name"),
                      row.getString("match"),
                      Jdbc.requiredInstant(row, "timeout_at")),
                  row.getString("run_event")));
        }
      }
      return waits;
    }
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
