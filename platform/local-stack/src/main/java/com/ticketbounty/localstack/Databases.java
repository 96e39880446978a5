package com.ticketbounty.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Creates the services' databases, each owned by a login role of its own that is the only role
 * allowed to connect to it (least privilege: a service's credentials open its own data and nothing
 * else). Safe to run on every start: what exists is brought to that state, data is left alone.
 */
public final class Databases {

  private Databases() {}

  /** What {@link #ensure} did to one database. */
  public record Provisioned(String database, boolean created, int objectsHandedOver) {}

  public static List<Provisioned> ensure(Server server, List<ServiceDatabase> databases)
      throws SQLException {
    List<Provisioned> provisioned = new ArrayList<>();
    try (Connection admin = server.connect("postgres")) {
      for (ServiceDatabase database : databases) {
        ensureRole(admin, database);
        boolean created = ensureDatabase(admin, database);
        int handedOver;
        try (Connection inside = server.connect(database.name())) {
          handedOver = Handover.toRole(inside, database.role());
        }
        provisioned.add(new Provisioned(database.name(), created, handedOver));
      }
    }
    return provisioned;
  }

  private static void ensureRole(Connection admin, ServiceDatabase database) throws SQLException {
    // A role that an operator made more powerful by hand is brought back to a plain login.
    String attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
    boolean exists = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", database.role());
    execute(
        admin,
        (exists ? "ALTER ROLE %s WITH %s" : "CREATE ROLE %s WITH %s")
            .formatted(database.role(), attributes));
    if (database.password().isPresent()) {
      // The driver hashes it (SCRAM) on this side: the clear password reaches no server log.
      admin
          .unwrap(PGConnection.class)
          .alterUserPassword(database.role(), database.password().get().toCharArray(), null);
    }
  }

  /**
   * @return whether the database was created now
   */
  private static boolean ensureDatabase(Connection admin, ServiceDatabase database)
      throws SQLException {
    String name = database.name();
    boolean exists = exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name);
    if (exists) {
      execute(admin, "ALTER DATABASE %s OWNER TO %s".formatted(name, database.role()));
    } else {
      execute(admin, "CREATE DATABASE %s OWNER %s".formatted(name, database.role()));
    }
    // PostgreSQL lets every role connect to a new database (and make temporary tables there).
    execute(admin, "REVOKE ALL ON DATABASE %s FROM PUBLIC".formatted(name));
    execute(
        admin, "GRANT CONNECT, TEMPORARY ON DATABASE %s TO %s".formatted(name, database.role()));
    return !exists;
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
