package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Applies checkpoints, each fenced by its lease.
 *
 * <p>Fencing: a commit first locks its run's row with a guard that holds only while the lease does
 * (same attempt and owner, unexpired by the database's clock, run still running). The lock is held
 * to the end of the transaction, so a takeover (a claim, which skips locked rows) or a cancel
 * (which waits for it) cannot slip in between the check and the writes; if the guard finds nothing,
 * the commit writes nothing at all — which is what makes a fenced commit all-or-nothing without a
 * savepoint.
 *
 * <p>Batching: all commits of one call share one transaction (one connection, one fsync). Each is
 * still all-or-nothing: fenced ones write nothing, and a database error rolls the whole call back
 * and throws, so none applied — the engine then treats every attempt in it as abandoned, and their
 * runs resume when their leases expire.
 */
final class RunCommits {
  private static final String FENCE =
      """
      SELECT id FROM event_runtime.runs
       WHERE id = ? AND lease_owner = ? AND attempt = ? AND status = 'running'
         AND lease_expires_at > now()
         FOR NO KEY UPDATE
      """;
  private static final String END =
      """
      UPDATE event_runtime.runs
         SET status = ?, due_at = COALESCE(CAST(? AS timestamptz), now()), output = CAST(? AS json), error = ?,
             lease_owner = CASE WHEN ? THEN lease_owner END,
             lease_expires_at = CASE WHEN ? THEN lease_expires_at END,
             ended_at = CASE WHEN ? THEN now() END,
             executed_micros = executed_micros + ?,
             last_attempt_span = COALESCE(?, last_attempt_span)
       WHERE id = ?
      """;

  private final DataSource dataSource;
  private final OutboxWriter outbox = new OutboxWriter();

  RunCommits(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Set<UUID> commit(List<Commit> commits) {
    if (commits.isEmpty()) {
      return Set.of();
    }
    return Jdbc.transaction(
        dataSource,
        "commit",
        connection -> {
          Set<UUID> applied = new LinkedHashSet<>();
          for (Commit commit : commits) {
            if (holds(connection, commit.lease())) {
              apply(connection, commit);
              applied.add(commit.lease().runId());
            }
          }
          return applied;
        });
  }

  private static boolean holds(Connection connection, Lease lease) throws SQLException {
    try (PreparedStatement fence = connection.prepareStatement(FENCE)) {
      fence.setObject(1, lease.runId());
      fence.setString(2, lease.owner());
      fence.setInt(3, lease.attempt());
      try (ResultSet row = fence.executeQuery()) {
        return row.next();
      }
    }
  }

  // The order of the in-memory store: steps, outbox, new runs, waits, resolutions, the run's end.
  private void apply(Connection connection, Commit commit) throws SQLException {
    UUID runId = commit.lease().runId();
    StepRows.write(connection, runId, commit.steps());
    for (OutboxMessage message : commit.outbox()) {
      outbox.write(connection, message);
    }
    NewRunRows.create(connection, commit.newRuns());
    WaitRows.write(connection, commit.waits());
    Resolutions.apply(connection, commit.resolutions());
    if (commit.runUpdate().isPresent()) {
      end(connection, runId, commit.runUpdate().get());
    }
  }

  private static void end(Connection connection, UUID runId, RunUpdate update) throws SQLException {
    boolean stillRunning = update.status() == RunStatus.RUNNING;
    try (PreparedStatement end = connection.prepareStatement(END)) {
      end.setString(1, Jdbc.status(update.status()));
      Jdbc.setInstant(end, 2, update.dueAt());
      end.setString(3, update.output());
      end.setString(4, update.error());
      end.setBoolean(5, stillRunning);
      end.setBoolean(6, stillRunning);
      end.setBoolean(7, update.status().finished());
      end.setLong(8, Jdbc.micros(update.executed()));
      end.setString(9, update.attemptSpan());
      end.setObject(10, runId);
      end.executeUpdate();
    }
  }
}
