package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.outbox.OutboxSignal;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Applies checkpoints, each fenced by its lease.
 *
 * <p>Fencing: a checkpoint of a run's steps and its end — the one a step or an attempt's end makes
 * — is written by a statement led by its fence ({@link FencedWrite}). Any other first locks its
 * run's row with a guard that holds only while the lease does (same attempt and owner, unexpired by
 * the database's clock, run still running), then writes. Either way the row stays locked to the end
 * of the transaction, so a takeover (a claim, which skips locked rows) or a cancel (which waits for
 * it) cannot slip in between the check and the writes; if the guard finds nothing, the commit
 * writes nothing at all — which is what makes a fenced commit all-or-nothing without a savepoint.
 *
 * <p>Group commit: checkpoints of steps and ends made one at a time by concurrent attempts are
 * written together. At most {@code groupsInFlight} such statements run at once; a checkpoint that
 * finds them all busy waits, and the next one to go takes every checkpoint waiting by then (up to
 * {@value #MOST_PER_GROUP}, one per run) into a single {@link FencedWrite} statement in
 * auto-commit: one round trip, one commit and one WAL flush for all of them, each still applied
 * only if its own lease holds. An attempt alone (light load) never waits: its statement goes at
 * once, from its own thread. If a group's statement fails (a lost connection, a deadlock with a
 * stale attempt of one of its runs), nothing of it applied, and each of its checkpoints is tried
 * again on its own, so one bad checkpoint fails only its own attempt.
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

  /** The most checkpoints in one group statement (array parameters stay small). */
  static final int MOST_PER_GROUP = 100;

  private final DataSource dataSource;
  private final OutboxWriter outbox = new OutboxWriter();
  private final OutboxSignal outboxCommitted;
  private final int groupsInFlight;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition settled = lock.newCondition();
  // Guarded by lock: checkpoints waiting for a group, oldest first, and the groups being written.
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private int inFlight;

  /**
   * @param groupsInFlight the most group statements at once; a checkpoint made while that many are
   *     being written waits and joins the next group
   */
  RunCommits(DataSource dataSource, OutboxSignal outboxCommitted, int groupsInFlight) {
    if (groupsInFlight < 1) {
      throw new IllegalArgumentException("groupsInFlight must be positive");
    }
    this.dataSource = dataSource;
    this.outboxCommitted = outboxCommitted;
    this.groupsInFlight = groupsInFlight;
  }

  Set<UUID> commit(List<Commit> commits) {
    if (commits.isEmpty()) {
      return Set.of();
    }
    if (commits.size() == 1 && commits.get(0).onlyStepsAndEnd()) {
      Commit commit = commits.get(0);
      return grouped(commit) ? Set.of(commit.lease().runId()) : Set.of();
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

  /**
   * Writes the checkpoint in a group (see the class comment): as the leader of the next group when
   * fewer than {@code groupsInFlight} are being written, else as a member of a group some other
   * caller writes.
   */
  private boolean grouped(Commit commit) {
    Pending mine = new Pending(commit);
    lock.lock();
    try {
      waiting.add(mine);
      while (!mine.done) {
        if (inFlight < groupsInFlight && !waiting.isEmpty()) {
          List<Pending> group = nextGroup();
          inFlight++;
          lock.unlock();
          try {
            write(group);
          } finally {
            lock.lock();
            inFlight--;
            group.forEach(pending -> pending.done = true);
            settled.signalAll();
          }
        } else {
          // Not interruptible: the checkpoint may already be in a statement being written.
          settled.awaitUninterruptibly();
        }
      }
    } finally {
      lock.unlock();
    }
    return mine.result();
  }

  /** How many checkpoints wait for a group now (for tests that form groups on purpose). */
  int waitingCheckpoints() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** The oldest waiting checkpoints, one per run (a run's row is written once per statement). */
  private List<Pending> nextGroup() {
    List<Pending> group = new ArrayList<>();
    Set<UUID> runs = new HashSet<>();
    Iterator<Pending> oldestFirst = waiting.iterator();
    while (oldestFirst.hasNext() && group.size() < MOST_PER_GROUP) {
      Pending pending = oldestFirst.next();
      if (runs.add(pending.commit.lease().runId())) {
        oldestFirst.remove();
        group.add(pending);
      }
    }
    return group;
  }

  /**
   * Writes a group, setting each member's outcome. The leader's interrupt (an engine closing) is
   * set aside while it writes, so that it cannot fail the other members' checkpoints.
   */
  private void write(List<Pending> group) {
    boolean interrupted = Thread.interrupted();
    try {
      try {
        Set<UUID> held = applyAll(group.stream().map(Pending::commit).toList());
        group.forEach(pending -> pending.applied = held.contains(pending.runId()));
      } catch (RuntimeException e) {
        if (group.size() == 1) {
          group.get(0).failure = e;
          return;
        }
        for (Pending pending : group) {
          try {
            pending.applied = !applyAll(List.of(pending.commit)).isEmpty();
          } catch (RuntimeException alone) {
            pending.failure = alone;
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Set<UUID> applyAll(List<Commit> commits) {
    return Jdbc.autoCommit(dataSource, "commit", c -> FencedWrite.applyAll(c, commits));
  }

  /** A checkpoint waiting for its group; its outcome is read once {@code done}, under the lock. */
  private static final class Pending {
    final Commit commit;
    boolean done;
    boolean applied;
    @Nullable RuntimeException failure;

    Pending(Commit commit) {
      this.commit = commit;
    }

    Commit commit() {
      return commit;
    }

    UUID runId() {
      return commit.lease().runId();
    }

    boolean result() {
      if (failure != null) {
        throw failure;
      }
      return applied;
    }
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
