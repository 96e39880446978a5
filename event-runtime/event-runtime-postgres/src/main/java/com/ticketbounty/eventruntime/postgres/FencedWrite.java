package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunUpdate;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checkpoints of runs' steps and, maybe, their ends — of one run or of several at once — written as
 * one statement whose first part is the leases' fence: every write of the statement takes its run
 * id from the fence, so a lost lease shows as a run missing from the fence and nothing of that run
 * is written, while the other runs of the statement are. The fence is the run's end itself (an
 * {@code UPDATE … WHERE} the lease holds) or, for a checkpoint that keeps the attempt going, a row
 * lock taken under the same condition. Either holds the run's row until the statement's transaction
 * ends, so a takeover (a claim, which skips locked rows) or a cancel (which waits for it) cannot
 * slip in between the check and the writes.
 *
 * <p>Every value travels in arrays, one element per run (per step for the steps), so a statement of
 * n runs is one round trip and one plan like a statement of one: that is what lets {@link
 * RunCommits} group the checkpoints of concurrent attempts into shared commits.
 *
 * <p>A wait registration is dropped for the steps written with another status than waiting only
 * when the commit says the run may have one ({@link Commit#waitsRegistered()}).
 */
final class FencedWrite {
  private static final String END =
      """
      ended AS (
        UPDATE event_runtime.runs r
           SET status = u.status, due_at = COALESCE(u.due_at, now()),
               output = CAST(u.output AS json), error = u.error,
               lease_owner = CASE WHEN u.still_running THEN r.lease_owner END,
               lease_expires_at = CASE WHEN u.still_running THEN r.lease_expires_at END,
               ended_at = CASE WHEN u.finished THEN now() END,
               executed_micros = r.executed_micros + u.executed,
               last_attempt_span = COALESCE(u.span, r.last_attempt_span)
          FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS int[]), CAST(? AS text[]),
                      CAST(? AS timestamptz[]), CAST(? AS text[]), CAST(? AS text[]),
                      CAST(? AS boolean[]), CAST(? AS boolean[]), CAST(? AS bigint[]),
                      CAST(? AS text[]))
               AS u(id, owner, attempt, status, due_at, output, error, still_running, finished,
                    executed, span)
         WHERE r.id = u.id AND r.lease_owner = u.owner AND r.attempt = u.attempt
           AND r.status = 'running' AND r.lease_expires_at > now()
        RETURNING r.id)""";
  private static final String LOCK =
      """
      locked AS (
        SELECT r.id
          FROM event_runtime.runs r,
               unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS int[])) AS l(id, owner, attempt)
         WHERE r.id = l.id AND r.lease_owner = l.owner AND r.attempt = l.attempt
           AND r.status = 'running' AND r.lease_expires_at > now()
           FOR NO KEY UPDATE OF r)""";
  // The step_sequence values are taken in the order of the arrays: each run's last writes in order.
  private static final String STEPS =
      """
      written AS (
        INSERT INTO event_runtime.steps
               (run_id, step_key, status, attempts, memo, wake_at, sequence,
                first_recorded_at, recorded_at)
        SELECT fence.id, s.step_key, s.status, s.attempts, CAST(s.memo AS json), s.wake_at,
               nextval('event_runtime.step_sequence'), now(), now()
          FROM fence
          JOIN unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int[]),
                      CAST(? AS text[]), CAST(? AS timestamptz[]))
               WITH ORDINALITY AS s(run_id, step_key, status, attempts, memo, wake_at, place)
            ON s.run_id = fence.id
         ORDER BY s.place
        ON CONFLICT (run_id, step_key) DO UPDATE
           SET status = EXCLUDED.status, attempts = EXCLUDED.attempts, memo = EXCLUDED.memo,
               wake_at = EXCLUDED.wake_at, sequence = EXCLUDED.sequence,
               recorded_at = EXCLUDED.recorded_at)""";
  // A step written with any status but waiting is no longer waiting for an event.
  private static final String END_WAITS =
      """
      ended_waits AS (
        DELETE FROM event_runtime.waits w
         USING fence, unnest(CAST(? AS uuid[]), CAST(? AS text[])) AS e(run_id, step_key)
         WHERE w.run_id = fence.id AND e.run_id = fence.id AND w.step_key = e.step_key)""";

  private FencedWrite() {}

  /** Applies the commit, which {@link Commit#onlyStepsAndEnd()}; answers whether its lease held. */
  static boolean apply(Connection connection, Commit commit) throws SQLException {
    return !applyAll(connection, List.of(commit)).isEmpty();
  }

  /**
   * Applies the commits in one statement; each {@link Commit#onlyStepsAndEnd()}, and no two of one
   * run (a run's row is written once per statement).
   *
   * @return the runs whose leases held: their commits applied, the others wrote nothing
   */
  static Set<UUID> applyAll(Connection connection, List<Commit> commits) throws SQLException {
    Set<UUID> runs = new HashSet<>();
    for (Commit commit : commits) {
      if (!commit.onlyStepsAndEnd() || !runs.add(commit.lease().runId())) {
        throw new IllegalArgumentException("not a checkpoint of steps and end of distinct runs");
      }
    }
    List<Commit> ends = commits.stream().filter(c -> c.runUpdate().isPresent()).toList();
    List<Commit> locks = commits.stream().filter(c -> c.runUpdate().isEmpty()).toList();
    List<Written> steps = new ArrayList<>();
    List<Written> endedWaits = new ArrayList<>();
    for (Commit commit : commits) {
      UUID runId = commit.lease().runId();
      for (StepWrite step : lastWrites(commit.steps())) {
        steps.add(new Written(runId, step));
        if (commit.waitsRegistered() && step.status() != StepStatus.WAITING) {
          endedWaits.add(new Written(runId, step));
        }
      }
    }
    List<String> parts = new ArrayList<>();
    List<String> fences = new ArrayList<>();
    if (!ends.isEmpty()) {
      parts.add(END);
      fences.add("SELECT id FROM ended");
    }
    if (!locks.isEmpty()) {
      parts.add(LOCK);
      fences.add("SELECT id FROM locked");
    }
    parts.add("fence AS (" + String.join(" UNION ALL ", fences) + ")");
    if (!steps.isEmpty()) {
      parts.add(STEPS);
    }
    if (!endedWaits.isEmpty()) {
      parts.add(END_WAITS);
    }
    String sql = "WITH " + String.join(",\n", parts) + "\nSELECT id FROM fence";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      Arrays arrays = new Arrays(connection, statement);
      if (!ends.isEmpty()) {
        ends(arrays, ends);
      }
      if (!locks.isEmpty()) {
        leases(arrays, locks);
      }
      if (!steps.isEmpty()) {
        steps(arrays, steps);
      }
      if (!endedWaits.isEmpty()) {
        arrays.set("uuid", endedWaits, Written::runId);
        arrays.set("text", endedWaits, w -> w.step().key());
      }
      Set<UUID> held = new LinkedHashSet<>();
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          held.add(row.getObject(1, UUID.class));
        }
      }
      return held;
    }
  }

  private static void ends(Arrays arrays, List<Commit> ends) throws SQLException {
    List<RunUpdate> updates = ends.stream().map(c -> c.runUpdate().orElseThrow()).toList();
    leases(arrays, ends);
    arrays.set("text", updates, u -> Jdbc.status(u.status()));
    arrays.set("timestamptz", updates, u -> timestamp(u.dueAt()));
    arrays.set("text", updates, RunUpdate::output);
    arrays.set("text", updates, RunUpdate::error);
    arrays.set("bool", updates, u -> u.status() == RunStatus.RUNNING);
    arrays.set("bool", updates, u -> u.status().finished());
    arrays.set("int8", updates, u -> Jdbc.micros(u.executed()));
    arrays.set("text", updates, RunUpdate::attemptSpan);
  }

  private static void leases(Arrays arrays, List<Commit> commits) throws SQLException {
    List<Lease> leases = commits.stream().map(Commit::lease).toList();
    arrays.set("uuid", leases, Lease::runId);
    arrays.set("text", leases, Lease::owner);
    arrays.set("int4", leases, Lease::attempt);
  }

  private static void steps(Arrays arrays, List<Written> steps) throws SQLException {
    arrays.set("uuid", steps, Written::runId);
    arrays.set("text", steps, w -> w.step().key());
    arrays.set("text", steps, w -> Jdbc.status(w.step().status()));
    arrays.set("int4", steps, w -> w.step().attempts());
    arrays.set("text", steps, w -> w.step().memo());
    arrays.set("timestamptz", steps, w -> timestamp(w.step().wakeAt()));
  }

  private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A step write of a run. */
  private record Written(UUID runId, StepWrite step) {}

  /** Binds the statement's parameters in order, each an array of one value per element. */
  private static final class Arrays {
    private final Connection connection;
    private final PreparedStatement statement;
    private int next = 1;

    Arrays(Connection connection, PreparedStatement statement) {
      this.connection = connection;
      this.statement = statement;
    }

    <T> void set(String type, List<T> elements, Function<T, @Nullable Object> value)
        throws SQLException {
      statement.setArray(
          next++, connection.createArrayOf(type, elements.stream().map(value).toArray()));
    }
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
