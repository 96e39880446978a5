package com.ticketbounty.eventruntime.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Changes to runs from outside an attempt: lease renewal, replay, cancel, and cron ticks. */
final class RunControls {
  static final String RENEW =
      """
      UPDATE event_runtime.runs SET lease_expires_at = now() + ? * interval '1 microsecond'
       WHERE id = ANY(?) AND lease_owner = ? AND status = 'running' AND lease_expires_at > now()
      """;
  private static final String LOCK_FINISHED =
      "SELECT 1 FROM event_runtime.runs WHERE id = ?"
          + " AND status IN ('completed', 'failed', 'cancelled') FOR NO KEY UPDATE";
  // Drops the step and every step recorded after it; nothing when the run never recorded it.
  private static final String DROP_STEPS_FROM =
      """
      DELETE FROM event_runtime.steps
       WHERE run_id = ?
         AND sequence >= (SELECT sequence FROM event_runtime.steps WHERE run_id = ? AND step_key = ?)
      """;
  private static final String REQUEUE =
      "UPDATE event_runtime.runs SET status = 'queued', due_at = now(), lease_owner = NULL,"
          + " lease_expires_at = NULL, output = NULL, error = NULL, ended_at = NULL,"
          + " takeovers = 0 WHERE id = ?";
  // Ends the lease too: the worker's next commit finds no lease and is fenced off.
  private static final String CANCEL =
      """
      UPDATE event_runtime.runs
         SET status = 'cancelled', lease_owner = NULL, lease_expires_at = NULL, output = NULL,
             error = 'cancelled', ended_at = now()
       WHERE id = ? AND status NOT IN ('completed', 'failed', 'cancelled')
      """;
  private static final String CRON_DEPLOYED =
      "INSERT INTO event_runtime.cron_deployments (function_id, deployed_at) VALUES (?, now())"
          + " ON CONFLICT DO NOTHING";
  private static final String CRON_DEPLOYED_AT =
      "SELECT deployed_at FROM event_runtime.cron_deployments WHERE function_id = ?";
  private static final String CRON_TICK =
      "INSERT INTO event_runtime.cron_ticks (function_id, tick) VALUES (?, ?)"
          + " ON CONFLICT DO NOTHING";

  private RunControls() {}

  static void renew(Connection connection, String owner, Collection<UUID> ids, Duration leaseFor)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(RENEW)) {
      update.setLong(1, Jdbc.micros(leaseFor));
      update.setArray(2, RunRows.uuids(connection, ids));
      update.setString(3, owner);
      update.executeUpdate();
    }
  }

  static boolean replay(Connection connection, UUID runId, String fromStepKey) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(LOCK_FINISHED)) {
      lock.setObject(1, runId);
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement drop = connection.prepareStatement(DROP_STEPS_FROM)) {
      drop.setObject(1, runId);
      drop.setObject(2, runId);
      drop.setString(3, fromStepKey);
      drop.executeUpdate();
    }
    return update(connection, REQUEUE, runId);
  }

  static boolean cancel(Connection connection, UUID runId) throws SQLException {
    return update(connection, CANCEL, runId);
  }

  static boolean claimCronTick(Connection connection, String functionId, Instant tick)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(CRON_TICK)) {
      insert.setString(1, functionId);
      Jdbc.setInstant(insert, 2, tick);
      return insert.executeUpdate() == 1;
    }
  }

  /** Records the first deployment (first caller wins) and answers it; both in one transaction. */
  static Instant cronDeployedAt(Connection connection, String functionId) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(CRON_DEPLOYED)) {
      insert.setString(1, functionId);
      insert.executeUpdate();
    }
    try (PreparedStatement select = connection.prepareStatement(CRON_DEPLOYED_AT)) {
      select.setString(1, functionId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return Jdbc.requiredInstant(row, "deployed_at");
      }
    }
  }

  private static boolean update(Connection connection, String sql, UUID runId) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, runId);
      return update.executeUpdate() == 1;
    }
  }
}
