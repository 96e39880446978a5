package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunUpdate;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A checkpoint of a run's steps and, maybe, its end, written as one statement whose first part is
 * the lease's fence: every write of the statement reads its run id from the fence, so a lost lease
 * shows as a fence of no row and the statement writes nothing. The fence is the run's end itself
 * (an {@code UPDATE … WHERE} the lease holds) or, for a checkpoint that keeps the attempt going, a
 * row lock taken under the same condition. Either holds the run's row until the statement's
 * transaction ends, so a takeover (a claim, which skips locked rows) or a cancel (which waits for
 * it) cannot slip in between the check and the writes.
 *
 * <p>A wait registration is dropped for the steps written with another status than waiting only
 * when the commit says the run may have one ({@link Commit#waitsRegistered()}).
 */
final class FencedWrite {
  private static final String LOCK =
      """
      fence AS (
        SELECT id FROM event_runtime.runs
         WHERE id = ? AND lease_owner = ? AND attempt = ? AND status = 'running'
           AND lease_expires_at > now()
           FOR NO KEY UPDATE)""";
  private static final String END =
      """
      fence AS (
        UPDATE event_runtime.runs
           SET status = ?, due_at = COALESCE(CAST(? AS timestamptz), now()),
               output = CAST(? AS json), error = ?,
               lease_owner = CASE WHEN ? THEN lease_owner END,
               lease_expires_at = CASE WHEN ? THEN lease_expires_at END,
               ended_at = CASE WHEN ? THEN now() END,
               executed_micros = executed_micros + ?,
               last_attempt_span = COALESCE(?, last_attempt_span)
         WHERE id = ? AND lease_owner = ? AND attempt = ? AND status = 'running'
           AND lease_expires_at > now()
        RETURNING id)""";
  // The step_sequence values are taken in the order of the list: the order of the last writes.
  private static final String STEPS =
      """
      written AS (
        INSERT INTO event_runtime.steps
               (run_id, step_key, status, attempts, memo, wake_at, sequence,
                first_recorded_at, recorded_at)
        SELECT fence.id, s.step_key, s.status, s.attempts, CAST(s.memo AS json), s.wake_at,
               nextval('event_runtime.step_sequence'), now(), now()
          FROM fence, unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int[]),
                             CAST(? AS text[]), CAST(? AS timestamptz[]))
                      WITH ORDINALITY AS s(step_key, status, attempts, memo, wake_at, place)
         ORDER BY s.place
        ON CONFLICT (run_id, step_key) DO UPDATE
           SET status = EXCLUDED.status, attempts = EXCLUDED.attempts, memo = EXCLUDED.memo,
               wake_at = EXCLUDED.wake_at, sequence = EXCLUDED.sequence,
               recorded_at = EXCLUDED.recorded_at)""";
  // A step written with any status but waiting is no longer waiting for an event.
  private static final String END_WAITS =
      """
      ended_waits AS (
        DELETE FROM event_runtime.waits w USING fence
         WHERE w.run_id = fence.id AND w.step_key = ANY(CAST(? AS text[])))""";

  private FencedWrite() {}

  /** Applies the commit, which {@link Commit#onlyStepsAndEnd()}; answers whether its lease held. */
  static boolean apply(Connection connection, Commit commit) throws SQLException {
    List<StepWrite> steps = lastWrites(commit.steps());
    List<String> endedWaits =
        commit.waitsRegistered()
            ? steps.stream()
                .filter(step -> step.status() != StepStatus.WAITING)
                .map(StepWrite::key)
                .toList()
            : List.of();
    List<String> parts = new ArrayList<>();
    parts.add(commit.runUpdate().isPresent() ? END : LOCK);
    if (!steps.isEmpty()) {
      parts.add(STEPS);
    }
    if (!endedWaits.isEmpty()) {
      parts.add(END_WAITS);
    }
    String sql = "WITH " + String.join(",\n", parts) + "\nSELECT count(*) FROM fence";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int next = fence(statement, commit);
      if (!steps.isEmpty()) {
        next = steps(connection, statement, next, steps);
      }
      if (!endedWaits.isEmpty()) {
        statement.setArray(next, connection.createArrayOf("text", endedWaits.toArray()));
      }
      try (ResultSet row = statement.executeQuery()) {
        return row.next() && row.getInt(1) == 1;
      }
    }
  }

  private static int fence(PreparedStatement statement, Commit commit) throws SQLException {
    int next = 1;
    if (commit.runUpdate().isPresent()) {
      RunUpdate update = commit.runUpdate().get();
      boolean stillRunning = update.status() == RunStatus.RUNNING;
      statement.setString(next++, Jdbc.status(update.status()));
      Jdbc.setInstant(statement, next++, update.dueAt());
      statement.setString(next++, update.output());
      statement.setString(next++, update.error());
      statement.setBoolean(next++, stillRunning);
      statement.setBoolean(next++, stillRunning);
      statement.setBoolean(next++, update.status().finished());
      statement.setLong(next++, Jdbc.micros(update.executed()));
      statement.setString(next++, update.attemptSpan());
    }
    Lease lease = commit.lease();
    statement.setObject(next++, lease.runId());
    statement.setString(next++, lease.owner());
    statement.setInt(next++, lease.attempt());
    return next;
  }

  private static int steps(
      Connection connection, PreparedStatement statement, int next, List<StepWrite> steps)
      throws SQLException {
    statement.setArray(next++, array(connection, "text", steps, StepWrite::key));
    statement.setArray(
        next++, array(connection, "text", steps, step -> Jdbc.status(step.status())));
    statement.setArray(next++, array(connection, "int4", steps, StepWrite::attempts));
    statement.setArray(next++, array(connection, "text", steps, StepWrite::memo));
    statement.setArray(
        next++,
        array(
            connection,
            "timestamptz",
            steps,
            step ->
                step.wakeAt() == null
                    ? null
                    : OffsetDateTime.ofInstant(step.wakeAt(), ZoneOffset.UTC)));
    return next;
  }

  private static Array array(
      Connection connection,
      String type,
      Collection<StepWrite> steps,
      Function<StepWrite, Object> value)
      throws SQLException {
    return connection.createArrayOf(type, steps.stream().map(value).toArray());
  }

  /**
   * One write per step, its last, in the order of the last writes: one statement may not update a
   * row twice, and a list that writes a step twice keeps its last write.
   */
  private static List<StepWrite> lastWrites(List<StepWrite> steps) {
    Map<String, StepWrite> last = new LinkedHashMap<>();
    for (StepWrite step : steps) {
      last.remove(step.key());
      last.put(step.key(), step);
    }
    return List.copyOf(last.values());
  }
}
