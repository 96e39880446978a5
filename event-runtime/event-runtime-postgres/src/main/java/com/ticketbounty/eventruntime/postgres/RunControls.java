package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.Replay;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes to runs from outside an attempt: lease renewal, replay, cancel, and cron ticks. Replay
 * and cancel carry through {@code invoke}: the engine plans which runs a replay takes, a cancel
 * finds the runs below it itself, inside its transaction, so that none started meanwhile escapes.
 */
final class RunControls {
  static final String RENEW =
      """
      UPDATE event_runtime.runs r SET lease_expires_at = now() + ? * interval '1 microsecond'
        FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS int[])) AS l(id, owner, attempt)
       WHERE r.id = l.id AND r.lease_owner = l.owner AND r.attempt = l.attempt
         AND r.status = 'running' AND r.lease_expires_at > now()
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
          + " takeovers = 0, executed_micros = 0 WHERE id = ?";
  private static final String AWAIT_INVOKED =
      "UPDATE event_runtime.runs SET status = 'waiting', due_at = ?, lease_owner = NULL,"
          + " lease_expires_at = NULL, output = NULL, error = NULL, ended_at = NULL,"
          + " takeovers = 0, executed_micros = 0 WHERE id = ?";
  private static final String INVOKED_BY =
      "SELECT "
          + RunRows.COLUMNS
          + " FROM event_runtime.runs WHERE parent_run_id = ? AND parent_step_key = ?"
          + " ORDER BY created_at DESC, id";
  private static final String LOCK_UNFINISHED =
      "SELECT parent_run_id, parent_step_key FROM event_runtime.runs WHERE id = ?"
          + " AND status NOT IN ('completed', 'failed', 'cancelled') FOR NO KEY UPDATE";
  // The run and everything it invoked, directly or not; ending the lease fences off its worker.
  private static final String CANCEL_TREE =
      """
      WITH RECURSIVE tree (id) AS (
        SELECT CAST(? AS uuid)
        UNION
        SELECT r.id FROM event_runtime.runs r JOIN tree t ON r.parent_run_id = t.id)
      UPDATE event_runtime.runs
         SET status = 'cancelled', lease_owner = NULL, lease_expires_at = NULL, output = NULL,
             error = 'cancelled', ended_at = now()
       WHERE id IN (SELECT id FROM tree) AND status NOT IN ('completed', 'failed', 'cancelled')
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

  static void renew(Connection connection, Collection<Lease> leases, Duration leaseFor)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(RENEW)) {
      update.setLong(1, Jdbc.micros(leaseFor));
      update.setArray(
          2, connection.createArrayOf("uuid", leases.stream().map(Lease::runId).toArray()));
      update.setArray(
          3, connection.createArrayOf("text", leases.stream().map(Lease::owner).toArray()));
      update.setArray(
          4, connection.createArrayOf("int4", leases.stream().map(Lease::attempt).toArray()));
      update.executeUpdate();
    }
  }

  /** All or none: every run is locked and checked finished before anything is written. */
  static boolean replay(Connection connection, List<Replay> replays) throws SQLException {
    for (Replay replay : replays) {
      try (PreparedStatement lock = connection.prepareStatement(LOCK_FINISHED)) {
        lock.setObject(1, replay.runId());
        try (ResultSet row = lock.executeQuery()) {
          if (!row.next()) {
            return false;
          }
        }
      }
    }
    for (Replay replay : replays) {
      try (PreparedStatement drop = connection.prepareStatement(DROP_STEPS_FROM)) {
        drop.setObject(1, replay.runId());
        drop.setObject(2, replay.runId());
        drop.setString(3, replay.fromStepKey());
        drop.executeUpdate();
      }
      if (replay.waitingUntil() == null) {
        update(connection, REQUEUE, replay.runId());
      } else {
        StepRows.write(
            connection,
            replay.runId(),
            List.of(new StepWrite(replay.fromStepKey(), StepStatus.WAITING, 1, null, null)));
        try (PreparedStatement wait = connection.prepareStatement(AWAIT_INVOKED)) {
          Jdbc.setInstant(wait, 1, replay.waitingUntil());
          wait.setObject(2, replay.runId());
          wait.executeUpdate();
        }
      }
    }
    return true;
  }

  static List<RunRecord> invokedBy(Connection connection, ParentStep step) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(INVOKED_BY)) {
      select.setObject(1, step.runId());
      select.setString(2, step.stepKey());
      return RunRows.readAll(select);
    }
  }

  static boolean cancel(Connection connection, UUID runId, String invokerMemo) throws SQLException {
    ParentStep invoker;
    try (PreparedStatement lock = connection.prepareStatement(LOCK_UNFINISHED)) {
      lock.setObject(1, runId);
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          return false;
        }
        UUID parent = row.getObject("parent_run_id", UUID.class);
        invoker = parent == null ? null : new ParentStep(parent, row.getString("parent_step_key"));
      }
    }
    update(connection, CANCEL_TREE, runId);
    if (invoker != null) {
      Resolutions.apply(
          connection,
          List.of(
              new Resolution(
                  invoker,
                  new StepWrite(invoker.stepKey(), StepStatus.FAILED, 1, invokerMemo, null))));
    }
    return true;
  }

  /**
   * Records the tick, then creates its run, inside the caller's transaction: the tick's row is the
   * claim (the instance whose insert wins starts the run), and it commits only with the run.
   */
  static Optional<RunRecord> startCronTick(Connection connection, Instant tick, NewRun run)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(CRON_TICK)) {
      insert.setString(1, run.functionId());
      Jdbc.setInstant(insert, 2, tick);
      if (insert.executeUpdate() == 0) {
        return Optional.empty();
      }
    }
    return Optional.of(NewRunRows.create(connection, List.of(run)).get(0));
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

  private static void update(Connection connection, String sql, UUID runId) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, runId);
      update.executeUpdate();
    }
  }
}
