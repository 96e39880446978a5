package com.ticketbounty.eventruntime.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The few JDBC chores the run store repeats: transactions, timestamps, statuses. */
final class Jdbc {
  private Jdbc() {}

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws, so
   * a failed call leaves nothing behind.
   */
  static <T> T transaction(DataSource dataSource, String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("run store: " + what + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} in auto-commit: each statement is its own transaction, committed as it
   * answers, so it costs one round trip where an explicit transaction would add its {@code COMMIT}.
   * For work of one statement (atomic: a failed one leaves nothing behind), or whose statements
   * need no transaction together.
   */
  static <T> T autoCommit(DataSource dataSource, String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      return work.apply(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("run store: " + what + " failed: " + e.getMessage(), e);
    }
  }

  static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
  }

  static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Instant requiredInstant(ResultSet row, String column) throws SQLException {
    Instant value = instant(row, column);
    if (value == null) {
      throw new IllegalStateException(column + " is null");
    }
    return value;
  }

  /**
   * A duration as whole microseconds, PostgreSQL's timestamp resolution; SQL multiplies it by
   * {@code interval '1 microsecond'} so that the time it is added to is the database's.
   */
  static long micros(Duration duration) {
    return duration.toNanos() / 1_000;
  }

  /** Statuses are stored as lowercase enum names. */
  static String status(Enum<?> status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> E status(Class<E> type, String stored) {
    return Enum.valueOf(type, stored.toUpperCase(Locale.ROOT));
  }
}
