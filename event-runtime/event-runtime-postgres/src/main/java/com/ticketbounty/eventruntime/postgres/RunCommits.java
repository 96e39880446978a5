package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.outbox.OutboxSignal;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
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
 * <p>Fencing: a checkpoint of a run's steps and its end — the one a step or an attempt's end makes
 * — is one statement led by its fence ({@link FencedWrite}). Any other first locks its run's row
 * with a guard that holds only while the lease does (same attempt and owner, unexpired by the
 * database's clock, run still running), then writes. Either way the row stays locked to the end of
 * the transaction, so a takeover (a claim, which skips locked rows) or a cancel (which waits for
 * it) cannot slip in between the check and the writes; if the guard finds nothing, the commit
 * writes nothing at all — which is what makes a fenced commit all-or-nothing without a savepoint.
 *
 * <p>Round trips: a call with one checkpoint of steps and end runs its statement in auto-commit —
 * it is its own transaction, so fence, writes and commit take one round trip.
 *
 * <p>Batching: all commits of one call share one transaction (one connection, one fsync). Each is
 * still all-or-nothing: fenced ones write nothing, and a database error rolls the whole call back
 * and throws, so none applied — the engine then treats every attempt in it as abandoned, and their
 * runs resume when their leases expire.
 *
 * <p>Outbox rows: after a transaction that wrote some (a step's {@code sendEvent}, a run's failure
 * event) has committed, the {@link OutboxSignal} wakes this process's relays.
 */
final class RunCommits {
  private static final String FENCE =
      """
      SELECT id FROM event_runtime.runs
       WHERE id = ? AND lease_owner = ? AND attempt = ? AND status = 'running'
         AND lease_expires_at > now()
         FOR NO KEY UPDATE
      """;

  private final DataSource dataSource;
  private final OutboxWriter outbox = new OutboxWriter();
  private final OutboxSignal outboxCommitted;

  RunCommits(DataSource dataSource, OutboxSignal outboxCommitted) {
    this.dataSource = dataSource;
    this.outboxCommitted = outboxCommitted;
  }

  Set<UUID> commit(List<Commit> commits) {
    if (commits.isEmpty()) {
      return Set.of();
    }
    if (commits.size() == 1 && commits.get(0).onlyStepsAndEnd()) {
      Commit commit = commits.get(0);
      return Jdbc.autoCommit(
          dataSource,
          "commit",
          connection ->
              FencedWrite.apply(connection, commit) ? Set.of(commit.lease().runId()) : Set.of());
    }
    Set<UUID> applied =
        Jdbc.transaction(
            dataSource,
            "commit",
            connection -> {
              Set<UUID> written = new LinkedHashSet<>();
              for (Commit commit : commits) {
                if (commit.onlyStepsAndEnd()
                    ? FencedWrite.apply(connection, commit)
                    : holds(connection, commit.lease()) && apply(connection, commit)) {
                  written.add(commit.lease().runId());
                }
              }
              return written;
            });
    if (commits.stream()
        .anyMatch(c -> !c.outbox().isEmpty() && applied.contains(c.lease().runId()))) {
      // A step's sendEvent or a run's failure event: the relay publishes it now, not at its poll.
      outboxCommitted.committed();
    }
    return applied;
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

  /**
   * The order of the in-memory store: steps, outbox, new runs, waits, resolutions, the run's end
   * (the lease is held, so the end's own fence finds the row).
   */
  private boolean apply(Connection connection, Commit commit) throws SQLException {
    UUID runId = commit.lease().runId();
    StepRows.write(connection, runId, commit.steps(), commit.waitsRegistered());
    for (OutboxMessage message : commit.outbox()) {
      outbox.write(connection, message);
    }
    NewRunRows.create(connection, commit.newRuns());
    WaitRows.write(connection, commit.waits());
    Resolutions.apply(connection, commit.resolutions());
    if (commit.runUpdate().isPresent()) {
      FencedWrite.apply(
          connection,
          new Commit(
              commit.lease(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              commit.runUpdate()));
    }
    return true;
  }
}
