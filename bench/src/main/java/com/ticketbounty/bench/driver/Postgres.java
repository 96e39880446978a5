package com.ticketbounty.bench.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's one connection to the machine's PostgreSQL (database {@code postgres}): creates and
 * drops each phase's database, reads {@code pg_stat_database} and {@code pg_stat_wal}.
 */
public final class Postgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Postgres.class);
  private final Connection connection;

  public Postgres() throws SQLException {
    connection =
        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
  }

  void create(String database) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + database);
    }
  }

  void drop(String database) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /**
   * Drops a database of the system the bench started and the role of the same name that owns it
   * (run.sh makes one per service); missing ones are fine, and a failure is logged, not thrown, so
   * the rest of the clean-up still runs.
   */
  synchronized void dropDatabaseAndRole(String name) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("DROP ROLE IF EXISTS " + name);
    } catch (SQLException e) {
      LOG.warn("Could not drop database or role {}: {}", name, e.getMessage());
    }
  }

  /** Transactions committed in {@code database} so far (flushed by backends about every second). */
  long commits(String database) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
      select.setString(1, database);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  /** WAL bytes written by the whole server so far. */
  long walBytes() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT wal_bytes FROM pg_stat_wal")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The server's version and the settings that shape the figures. */
  public Map<String, String> settings() throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT name, setting || coalesce(' ' || unit, '') FROM pg_settings WHERE name IN"
                    + " ('server_version', 'synchronous_commit', 'fsync', 'wal_level',"
                    + " 'shared_buffers', 'max_connections', 'commit_delay', 'wal_sync_method',"
                    + " 'full_page_writes', 'checkpoint_timeout', 'max_wal_size') ORDER BY name")) {
      while (rows.next()) {
        settings.put(rows.getString(1), rows.getString(2));
      }
    }
    return settings;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
