package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code steps} table: a write replaces the step's record (keeping when it was first recorded)
 * and takes the next {@code step_sequence} value, so the sequence is the order of the last writes.
 */
final class StepRows {
  private static final String UPSERT =
      """
      INSERT INTO event_runtime.steps
             (run_id, step_key, status, attempts, memo, wake_at, sequence,
              first_recorded_at, recorded_at)
      VALUES (?, ?, ?, ?, CAST(? AS json), ?, nextval('event_runtime.step_sequence'), now(), now())
      ON CONFLICT (run_id, step_key) DO UPDATE
         SET status = EXCLUDED.status, attempts = EXCLUDED.attempts, memo = EXCLUDED.memo,
             wake_at = EXCLUDED.wake_at, sequence = EXCLUDED.sequence,
             recorded_at = EXCLUDED.recorded_at
      """;
  // A step written with any status but waiting is no longer waiting for an event.
  private static final String END_WAIT =
      "DELETE FROM event_runtime.waits WHERE run_id = ? AND step_key = ?";
  private static final String SELECT =
      "SELECT run_id, step_key, status, attempts, memo::text AS memo, wake_at, sequence,"
          + " first_recorded_at, recorded_at FROM event_runtime.steps WHERE run_id = ?"
          + " ORDER BY sequence";

  private StepRows() {}

  /** Writes the steps of one run, in order, inside the caller's transaction. */
  static void write(Connection connection, UUID runId, List<StepWrite> steps) throws SQLException {
    write(connection, runId, steps, true);
  }

  /**
   * Writes the steps of one run, in order, inside the caller's transaction; drops the wait
   * registration of each step written with another status than waiting, unless {@code
   * waitsRegistered} is false (the run has none).
   */
  static void write(
      Connection connection, UUID runId, List<StepWrite> steps, boolean waitsRegistered)
      throws SQLException {
    if (steps.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
        PreparedStatement endWait = connection.prepareStatement(END_WAIT)) {
      boolean endsWaits = false;
      for (StepWrite step : steps) {
        upsert.setObject(1, runId);
        upsert.setString(2, step.key());
        upsert.setString(3, Jdbc.status(step.status()));
        upsert.setInt(4, step.attempts());
        upsert.setString(5, step.memo());
        Jdbc.setInstant(upsert, 6, step.wakeAt());
        upsert.addBatch();
        if (waitsRegistered && step.status() != StepStatus.WAITING) {
          endWait.setObject(1, runId);
          endWait.setString(2, step.key());
          endWait.addBatch();
          endsWaits = true;
        }
      }
      // Batches run in order: one step written twice in a list keeps its last write.
      upsert.executeBatch();
      if (endsWaits) {
        endWait.executeBatch();
      }
    }
  }

  static List<StepRecord> read(Connection connection, UUID runId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setObject(1, runId);
      List<StepRecord> steps = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          steps.add(
              new StepRecord(
                  row.getObject("run_id", UUID.class),
                  row.getString("step_key"),
                  Jdbc.status(StepStatus.class, row.getString("status")),
                  row.getInt("attempts"),
                  row.getString("memo"),
                  Jdbc.instant(row, "wake_at"),
                  row.getLong("sequence"),
                  Jdbc.requiredInstant(row, "first_recorded_at"),
                  Jdbc.requiredInstant(row, "recorded_at")));
        }
      }
      return steps;
    }
  }
}
