package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.RunQueries;
import com.ticketbounty.eventruntime.spi.RunRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Runs by function, status and creation time, for the operations API. The order, {@code created_at
 * DESC, id}, is that of the indexes {@code runs_by_created} and {@code runs_by_function_created}
 * (V7), so a listing reads its page from an index however many runs there are.
 */
public final class PostgresRunQueries implements RunQueries {
  private final DataSource dataSource;

  public PostgresRunQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<RunRecord> find(Filter filter) {
    Listing listing = Listing.of(filter);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(listing.sql())) {
      listing.bind(connection, select);
      return RunRows.readAll(select);
    } catch (SQLException e) {
      throw new IllegalStateException("could not list runs: " + e.getMessage(), e);
    }
  }

  /** The statement that lists a filter's runs, and its parameters in order. */
  record Listing(String sql, List<Object> parameters) {

    static Listing of(Filter filter) {
      StringBuilder sql =
          new StringBuilder("SELECT " + RunRows.COLUMNS + " FROM event_runtime.runs WHERE true");
      List<Object> parameters = new ArrayList<>();
      filter
          .functionId()
          .ifPresent(
              function -> {
                sql.append(" AND function_id = ?");
                parameters.add(function);
              });
      if (!filter.statuses().isEmpty()) {
        sql.append(" AND status = ANY(?)");
        parameters.add(
            filter.statuses().stream()
                .map(status -> status.name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new));
      }
      filter
          .since()
          .ifPresent(
              since -> {
                sql.append(" AND created_at >= ?");
                parameters.add(Timestamp.from(since));
              });
      filter
          .until()
          .ifPresent(
              until -> {
                sql.append(" AND created_at < ?");
                parameters.add(Timestamp.from(until));
              });
      sql.append(" ORDER BY created_at DESC, id LIMIT ?");
      parameters.add(filter.limit());
      return new Listing(sql.toString(), List.copyOf(parameters));
    }

    void bind(Connection connection, PreparedStatement select) throws SQLException {
      for (int i = 0; i < parameters.size(); i++) {
        Object parameter = parameters.get(i);
        if (parameter instanceof String[] array) {
          select.setArray(i + 1, connection.createArrayOf("text", array));
        } else {
          select.setObject(i + 1, parameter);
        }
      }
    }
  }
}
