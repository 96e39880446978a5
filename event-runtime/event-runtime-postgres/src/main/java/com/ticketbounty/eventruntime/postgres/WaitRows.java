package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.WaitRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
  private static final String BY_EVENT =
      "SELECT run_id, step_key, event_name, match, timeout_at FROM event_runtime.waits"
          + " WHERE event_name = ? ORDER BY seq";

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

  static List<WaitRecord> forEvent(Connection connection, String eventName) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(BY_EVENT)) {
      select.setString(1, eventName);
      List<WaitRecord> waits = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          waits.add(
              new WaitRecord(
                  new ParentStep(row.getObject("run_id", UUID.class), row.getString("step_key")),
                  row.getString("event_name"),
                  row.getString("match"),
                  Jdbc.requiredInstant(row, "timeout_at")));
        }
      }
      return waits;
    }
  }
}
