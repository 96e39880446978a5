package com.ticketbounty.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The machine's real PostgreSQL as its superuser, for setting up and inspecting these tests. */
final class Admin {
  static final Server SERVER = new Server("127.0.0.1", 5432, "postgres", "");

  private Admin() {}

  /** A name no other test and no running system uses, such as {@code tb_test_roles_1a2b3c4d}. */
  static String freshName(String purpose) {
    return "tb_test_%s_%s"
        .formatted(purpose, UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT);
  }

  static void execute(String database, String... statements) throws SQLException {
    try (Connection connection = SERVER.connect(database);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  static String queryOne(String database, String sql) throws SQLException {
    try (Connection connection = SERVER.connect(database);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      return row.next() ? String.valueOf(row.getString(1)) : "(no row)";
    }
  }

  /** A connection as a service's role, as the service makes it (trust auth here: no password). */
  static Connection connectAs(String role, String database) throws SQLException {
    return DriverManager.getConnection(SERVER.jdbcUrl(database), role, "");
  }

  static void dropDatabasesAndRoles(List<String> names) throws SQLException {
    for (String name : names) {
      execute("postgres", "DROP DATABASE IF EXISTS %s WITH (FORCE)".formatted(name));
    }
    for (String name : names) {
      execute("postgres", "DROP ROLE IF EXISTS %s".formatted(name));
    }
  }
}
