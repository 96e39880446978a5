package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RuntimeCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The gauges' counts, each one statement on the runtime's tables. Each may scan the unfinished
 * runs, the live dead letters or the unsent outbox rows — sets that stay small while the runtime
 * keeps up — so callers read them every few seconds at most.
 */
public final class PostgresRuntimeCounts implements RuntimeCounts {
  private static final String WAITING =
      "SELECT function_id, status, count(*) FROM event_runtime.runs"
          + " WHERE status IN ('queued', 'sleeping', 'waiting') GROUP BY function_id, status";
  private static final String DEAD_LETTERS =
      "SELECT queue, count(*) FROM event_runtime.dead_letters WHERE redriven_at IS NULL"
          + " GROUP BY queue";
  private static final String BACKLOG =
      "SELECT count(*) FROM event_runtime.outbox WHERE published_at IS NULL";

  private final DataSource dataSource;

  public PostgresRuntimeCounts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<WaitingRuns> waitingRuns() {
    List<WaitingRuns> counts = new ArrayList<>();
    query(
        WAITING,
        row ->
            counts.add(
                new WaitingRuns(
                    row.getString(1),
                    Jdbc.status(RunStatus.class, row.getString(2)),
                    row.getLong(3))));
    return counts;
  }

  @Override
  public Map<String, Long> deadLetters() {
    Map<String, Long> counts = new LinkedHashMap<>();
    query(DEAD_LETTERS, row -> counts.put(row.getString(1), row.getLong(2)));
    return counts;
  }

  @Override
  public long outboxBacklog() {
    long[] count = {0};
    query(BACKLOG, row -> count[0] = row.getLong(1));
    return count[0];
  }

  private void query(String sql, RowReader reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        reader.read(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not count: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }
}
