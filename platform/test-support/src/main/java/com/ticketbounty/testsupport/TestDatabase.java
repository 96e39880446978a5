package com.ticketbounty.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database on the machine's real PostgreSQL, created for one test class and dropped after
 * it, so tests never see a running system's data or each other's. {@code TEST_PG_HOST}, {@code
 * TEST_PG_PORT} and {@code TEST_PG_USER} point it at another server (default 127.0.0.1:5432,
 * postgres, trust auth as on these machines).
 */
public final class TestDatabase implements AutoCloseable {
  private final String host;
  private final int port;
  private final String user;
  private final String name;

  private TestDatabase(String host, int port, String user, String name) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.name = name;
  }

  /** Creates {@code tb_test_<purpose>_<random>}. */
  public static TestDatabase create(String purpose) {
    String host = env("TEST_PG_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("TEST_PG_PORT", "5432"));
    String user = env("TEST_PG_USER", "postgres");
    String name =
        ("tb_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    TestDatabase database = new TestDatabase(host, port, user, name);
    database.admin("CREATE DATABASE " + name);
    return database;
  }

  public String name() {
    return name;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String user() {
    return user;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  public String r2dbcUrl() {
    return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
  }

  /** A connection-per-call data source; wrap it in a pool where the test needs one. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(user);
    return dataSource;
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void admin(String sql) {
    String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + host + ":" + port + " refused '" + sql + "': " + e.getMessage(), e);
    }
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
