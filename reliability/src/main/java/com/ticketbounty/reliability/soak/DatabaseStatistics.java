package com.ticketbounty.reliability.soak;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the system's PostgreSQL says about its databases: backends connected to each (from {@code
 * pg_stat_activity}, the soak's own probe connections left out by their application name), and per
 * database the dead tuples ({@code n_dead_tup}), live tuples and on-disk size ({@code
 * pg_total_relation_size}: heap, indexes, TOAST) summed over its tables from {@code
 * pg_stat_user_tables}. One connection per database is kept open for the whole soak.
 */
final class DatabaseStatistics implements AutoCloseable {
  static final String PROBE = "soak-probe";

  private final String instance;
  private final Connection server;
  private final Map<String, Connection> databases = new LinkedHashMap<>();

  /** Connects as {@code postgres} to the server on {@code port} and to each of {@code names}. */
  DatabaseStatistics(int port, String instance, List<String> names) throws SQLException {
    this.instance = instance;
    this.server = connect(port, "postgres");
    for (String name : names) {
      databases.put(name, connect(port, instance + "_" + name));
    }
  }

  private static Connection connect(int port, String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    properties.setProperty("password", "");
    properties.setProperty("ApplicationName", PROBE);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, database), properties);
  }

  /** Backends of the system's services per database (name without the instance prefix). */
  Map<String, Double> connections() throws SQLException {
    Map<String, Double> counts = new LinkedHashMap<>();
    databases.keySet().forEach(name -> counts.put(name, 0.0));
    try (PreparedStatement select =
        server.prepareStatement(
            "SELECT datname, count(*) FROM pg_stat_activity"
                + " WHERE starts_with(datname, ?) AND application_name <> ? GROUP BY datname")) {
      select.setString(1, instance + "_");
      select.setString(2, PROBE);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1).substring(instance.length() + 1);
          if (counts.containsKey(name)) {
            counts.put(name, (double) rows.getLong(2));
          }
        }
      }
    }
    return counts;
  }

  /** Per database, its tables' dead tuples, live tuples and total size in bytes. */
  Map<String, Tables> tables() throws SQLException {
    Map<String, Tables> tables = new LinkedHashMap<>();
    for (var database : databases.entrySet()) {
      try (Statement statement = database.getValue().createStatement();
          ResultSet row =
              statement.executeQuery(
                  "SELECT coalesce(sum(n_dead_tup), 0), coalesce(sum(n_live_tup), 0),"
                      + " coalesce(sum(pg_total_relation_size(relid)), 0),"
                      + " coalesce(sum(autovacuum_count), 0)"
                      + " FROM pg_stat_user_tables")) {
        row.next();
        tables.put(
            database.getKey(),
            new Tables(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)));
      }
    }
    return tables;
  }

  /** The server's settings that decide whether dead tuples are cleaned up, and its version. */
  Map<String, String> settings() throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Statement statement = server.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT name, setting FROM pg_settings WHERE name IN ('server_version',"
                    + " 'autovacuum', 'autovacuum_naptime', 'autovacuum_vacuum_scale_factor',"
                    + " 'autovacuum_vacuum_threshold', 'max_connections') ORDER BY name")) {
      while (rows.next()) {
        settings.put(rows.getString(1), rows.getString(2));
      }
    }
    return settings;
  }

  /** One database's user tables, summed; autovacuums: times autovacuum vacuumed one so far. */
  record Tables(long deadTuples, long liveTuples, long bytes, long autovacuums) {}

  @Override
  public void close() throws SQLException {
    List<SQLException> failures = new ArrayList<>();
    for (Connection connection : databases.values()) {
      try {
        connection.close();
      } catch (SQLException e) {
        failures.add(e);
      }
    }
    server.close();
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }
}
