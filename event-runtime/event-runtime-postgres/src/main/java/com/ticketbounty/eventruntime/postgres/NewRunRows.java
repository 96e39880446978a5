package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunTrace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Creates runs, idempotently on (function, event id). The whole list is one {@code INSERT … SELECT
 * FROM unnest(…)} — one round trip however many runs — whose {@code RETURNING} gives each created
 * run the fields the database chooses (its creation time, a lease's expiry); the rest is what was
 * inserted. Runs are created queued, or leased to an owner at once ({@link #createLeased}). Only
 * runs that already existed (a redelivery) are read back, in a second statement, and only for
 * queued creation.
 */
final class NewRunRows {
  // No conflict target: the run id is derived from (function, event id), so two instances creating
  // the same run at once collide on the primary key as well, and a target naming only
  // (function_id, event_id) would let that collision fail the insert instead of skipping it.
  // With an owner, a run is inserted as a claim leaves it: running, attempt 1, started now; the
  // NOTIFY trigger (V10) fires only for due runs, so a leased run wakes no engine.
  private static final String INSERT =
      """
      INSERT INTO event_runtime.runs
             (id, function_id, event_id, event, status, due_at, concurrency_key,
              parent_run_id, parent_step_key, error, created_at, trace_parent,
              lease_owner, lease_expires_at, attempt, started_at)
      SELECT n.id, n.function_id, n.event_id, CAST(n.event AS json),
             CASE WHEN l.owner IS NULL THEN 'queued' ELSE 'running' END, now(),
             n.concurrency_key, n.parent_run_id, n.parent_step_key, n.error, now(), n.trace_parent,
             l.owner, now() + l.micros * interval '1 microsecond',
             CASE WHEN l.owner IS NULL THEN 0 ELSE 1 END,
             CASE WHEN l.owner IS NULL THEN NULL ELSE now() END
        FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]),
                    CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),
                    CAST(? AS text[]))
             WITH ORDINALITY AS n(id, function_id, event_id, event, concurrency_key,
                                  parent_run_id, parent_step_key, error, trace_parent, place),
             (SELECT CAST(? AS text) AS owner, CAST(? AS bigint) AS micros) AS l
       ORDER BY n.place
      ON CONFLICT DO NOTHING
      RETURNING id, created_at, lease_expires_at
      """;
  private static final String READ_BACK =
      "SELECT "
          + RunRows.COLUMNS
          + " FROM event_runtime.runs WHERE (function_id, event_id) IN"
          + " (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS uuid[])))";

  private NewRunRows() {}

  /**
   * Creates the runs queued on {@code connection}, inside the caller's transaction; answers all.
   */
  static List<RunRecord> create(Connection connection, List<NewRun> runs) throws SQLException {
    if (runs.isEmpty()) {
      return List.of();
    }
    Map<UUID, Inserted> created = insert(connection, runs, null, null);
    Map<String, RunRecord> byEvent = new HashMap<>();
    List<NewRun> existing = new ArrayList<>();
    for (NewRun run : runs) {
      Inserted inserted = created.get(run.id());
      if (inserted != null) {
        byEvent.put(key(run.functionId(), run.eventId()), queued(run, inserted.createdAt()));
      }
    }
    for (NewRun run : runs) {
      if (!byEvent.containsKey(key(run.functionId(), run.eventId()))) {
        existing.add(run);
      }
    }
    if (!existing.isEmpty()) {
      try (PreparedStatement select = connection.prepareStatement(READ_BACK)) {
        select.setArray(
            1,
            connection.createArrayOf("text", existing.stream().map(NewRun::functionId).toArray()));
        select.setArray(
            2, connection.createArrayOf("uuid", existing.stream().map(NewRun::eventId).toArray()));
        RunRows.readAll(select)
            .forEach(run -> byEvent.put(key(run.functionId(), run.eventId()), run));
      }
    }
    return runs.stream().map(run -> byEvent.get(key(run.functionId(), run.eventId()))).toList();
  }

  /**
   * Creates the runs leased to {@code owner} for {@code leaseFor}; answers only those it created
   * (see {@code RunStore.createLeasedRuns}).
   */
  static List<RunRecord> createLeased(
      Connection connection, List<NewRun> runs, String owner, Duration leaseFor)
      throws SQLException {
    if (runs.isEmpty()) {
      return List.of();
    }
    Map<UUID, Inserted> created = insert(connection, runs, owner, Jdbc.micros(leaseFor));
    List<RunRecord> leased = new ArrayList<>();
    for (NewRun run : runs) {
      Inserted inserted = created.get(run.id());
      if (inserted != null) {
        leased.add(leased(run, inserted, owner));
      }
    }
    return leased;
  }

  private static Map<UUID, Inserted> insert(
      Connection connection, List<NewRun> runs, @Nullable String owner, @Nullable Long micros)
      throws SQLException {
    int size = runs.size();
    Object[] ids = new Object[size];
    Object[] functions = new Object[size];
    Object[] events = new Object[size];
    Object[] bodies = new Object[size];
    Object[] keys = new Object[size];
    Object[] parentRuns = new Object[size];
    Object[] parentSteps = new Object[size];
    Object[] failures = new Object[size];
    Object[] traces = new Object[size];
    for (int i = 0; i < size; i++) {
      NewRun run = runs.get(i);
      ids[i] = run.id();
      functions[i] = run.functionId();
      events[i] = run.eventId();
      bodies[i] = run.event();
      keys[i] = run.concurrencyKey();
      parentRuns[i] = run.parent() == null ? null : run.parent().runId();
      parentSteps[i] = run.parent() == null ? null : run.parent().stepKey();
      failures[i] = run.failure();
      traces[i] = run.traceParent();
    }
    Map<UUID, Inserted> created = new HashMap<>();
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setArray(1, connection.createArrayOf("uuid", ids));
      insert.setArray(2, connection.createArrayOf("text", functions));
      insert.setArray(3, connection.createArrayOf("uuid", events));
      insert.setArray(4, connection.createArrayOf("text", bodies));
      insert.setArray(5, connection.createArrayOf("text", keys));
      insert.setArray(6, connection.createArrayOf("uuid", parentRuns));
      insert.setArray(7, connection.createArrayOf("text", parentSteps));
      insert.setArray(8, connection.createArrayOf("text", failures));
      insert.setArray(9, connection.createArrayOf("text", traces));
      insert.setString(10, owner);
      insert.setObject(11, micros, Types.BIGINT);
      try (ResultSet row = insert.executeQuery()) {
        while (row.next()) {
          created.put(
              row.getObject("id", UUID.class),
              new Inserted(
                  Jdbc.requiredInstant(row, "created_at"), Jdbc.instant(row, "lease_expires_at")));
        }
      }
    }
    return created;
  }

  /** What the database chose for a run it created. */
  private record Inserted(Instant createdAt, @Nullable Instant leaseExpiresAt) {}

  /** The run as its insert wrote it with an owner: running its first attempt, just started. */
  private static RunRecord leased(NewRun run, Inserted inserted, String owner) {
    return new RunRecord(
        run.id(),
        run.functionId(),
        run.eventId(),
        run.event(),
        RunStatus.RUNNING,
        inserted.createdAt(),
        owner,
        inserted.leaseExpiresAt(),
        run.concurrencyKey(),
        run.parent(),
        null,
        run.failure(),
        inserted.createdAt(),
        inserted.createdAt(),
        null,
        0,
        1,
        Duration.ZERO,
        new RunTrace(run.traceParent(), null));
  }

  /** The run as its insert wrote it: queued, due at its creation, never claimed. */
  private static RunRecord queued(NewRun run, Instant createdAt) {
    return new RunRecord(
        run.id(),
        run.functionId(),
        run.eventId(),
        run.event(),
        RunStatus.QUEUED,
        createdAt,
        null,
        null,
        run.concurrencyKey(),
        run.parent(),
        null,
        run.failure(),
        createdAt,
        null,
        null,
        0,
        0,
        Duration.ZERO,
        new RunTrace(run.traceParent(), null));
  }

  private static String key(String functionId, UUID eventId) {
    return functionId + "/" + eventId;
  }
}
