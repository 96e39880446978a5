package com.ticketbounty.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database on the machine's real PostgreSQL, created for one test class and dropped after
 * it, so tests never see a running system's data or each other's. Like a service's database in the
 * run command it is owned by a login role of its own (same name, a random password) that alone may
 * connect to it, so code under test runs with a service's privileges, not the superuser's: {@link
 * #user()} and {@link #password()} are that role's. {@code TEST_PG_HOST}, {@code TEST_PG_PORT},
 * {@code TEST_PG_USER} and {@code TEST_PG_PASSWORD} name the server and the administrator that
 * creates and drops them (default 127.0.0.1:5432, postgres, trust auth as on these machines).
 */
public final class TestDatabase implements AutoCloseable {
  private final String host;
  private final int port;
  private final String admin;
  private final String name;
  private final String password = UUID.randomUUID().toString();

  private TestDatabase(String host, int port, String admin, String name) {
    this.host = host;
    this.port = port;
    this.admin = admin;
    this.name = name;
  }

  /** Creates {@code tb_test_<purpose>_<random>} and its role of the same name. */
  public static TestDatabase create(String purpose) {
    String host = env("TEST_PG_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("TEST_PG_PORT", "5432"));
    String admin = env("TEST_PG_USER", "postgres");
    String name =
        ("tb_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    TestDatabase database = new TestDatabase(host, port, admin, name);
    database.createRoleAndDatabase();
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

  /** The database's own role, the one code under test connects as (never the superuser). */
  public String user() {
    return name;
  }

  /** {@link #user()}'s password (a trust-authenticated server does not ask for it). */
  public String password() {
    return password;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  public String r2dbcUrl() {
    return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
  }

  /** A connection-per-call data source as {@link #user()}; wrap it in a pool where needed. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(user());
    dataSource.setPassword(password);
    return dataSource;
  }

  /** Drops the database (whoever is still connected) and its role. */
  @Override
  public void close() {
    admin(
        statement -> {
          statement.execute("DROP DATABASE IF EXISTS %s WITH (FORCE)".formatted(name));
          statement.execute("DROP ROLE IF EXISTS %s".formatted(name));
        });
  }

  /** The same isolation the run command's databases get (local-stack's create-databases). */
  private void createRoleAndDatabase() {
    admin(
        statement -> {
          statement.execute("CREATE ROLE %s LOGIN".formatted(name));
          statement
              .getConnection()
              .unwrap(PGConnection.class)
              .alterUserPassword(name, password.toCharArray(), null);
          statement.execute("CREATE DATABASE %s OWNER %s".formatted(name, name));
          statement.execute("REVOKE ALL ON DATABASE %s FROM PUBLIC".formatted(name));
          statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE %s TO %s".formatted(name, name));
        });
  }

  private interface AdminWork {
    void run(Statement statement) throws SQLException;
  }

  private void admin(AdminWork work) {
    String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    try (Connection connection =
            DriverManager.getConnection(url, admin, env("TEST_PG_PASSWORD", ""));
        Statement statement = connection.createStatement()) {
      work.run(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at %s:%d refused to set up or remove %s as %s: %s"
              .formatted(host, port, name, admin, e.getMessage()),
          e);
    }
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
