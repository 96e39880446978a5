package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunTrace;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading {@code runs} rows into {@link RunRecord}s. */
final class RunRows {
  /** The columns every query that answers runs selects (or returns), in {@link #read} order. */
  static final String COLUMNS =
      "id, function_id, event_id, event::text AS event, status, due_at, lease_owner,"
          + " lease_expires_at, concurrency_key, parent_run_id, parent_step_key, output::text AS"
          + " output, error, created_at, started_at, ended_at, takeovers, attempt, executed_micros,"
          + " trace_parent, last_attempt_span";

  private static final String BY_ID =
      "SELECT " + COLUMNS + " FROM event_runtime.runs WHERE id = ANY(?)";

  private RunRows() {}

  static RunRecord read(ResultSet row) throws SQLException {
    UUID parentRun = row.getObject("parent_run_id", UUID.class);
    return new RunRecord(
        row.getObject("id", UUID.class),
        row.getString("function_id"),
        row.getObject("event_id", UUID.class),
        row.getString("event"),
        Jdbc.status(RunStatus.class, row.getString("status")),
        Jdbc.requiredInstant(row, "due_at"),
        row.getString("lease_owner"),
        Jdbc.instant(row, "lease_expires_at"),
        row.getString("concurrency_key"),
        parentRun == null ? null : new ParentStep(parentRun, row.getString("parent_step_key")),
        row.getString("output"),
        row.getString("error"),
        Jdbc.requiredInstant(row, "created_at"),
        Jdbc.instant(row, "started_at"),
        Jdbc.instant(row, "ended_at"),
        row.getInt("takeovers"),
        row.getInt("attempt"),
        Duration.ofNanos(row.getLong("executed_micros") * 1_000),
        new RunTrace(row.getString("trace_parent"), row.getString("last_attempt_span")));
  }

  static List<RunRecord> readAll(PreparedStatement statement) throws SQLException {
    List<RunRecord> runs = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        runs.add(read(rows));
      }
    }
    return runs;
  }

  static List<RunRecord> byIds(Connection connection, Collection<UUID> ids) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(BY_ID)) {
      select.setArray(1, uuids(connection, ids));
      return readAll(select);
    }
  }

  static Optional<RunRecord> byId(Connection connection, UUID id) throws SQLException {
    return byIds(connection, List.of(id)).stream().findFirst();
  }

  static Array uuids(Connection connection, Collection<UUID> ids) throws SQLException {
    return connection.createArrayOf("uuid", ids.toArray());
  }
}
