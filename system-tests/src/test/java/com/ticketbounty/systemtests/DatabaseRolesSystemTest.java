package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Least privilege in PostgreSQL, on the system the run command started: every service connects as
 * its own database's role, and that role cannot reach another service's database.
 */
@ExtendWith(SharedSystem.class)
class DatabaseRolesSystemTest {

  @Test
  void theTicketServiceRoleIsRefusedTheIdentityDatabase() {
    RunCommand system = SharedSystem.system();

    assertThatThrownBy(
            () -> system.connectAs(system.database("ticket"), system.database("identity")).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(
            "permission denied for database \"%s\"".formatted(system.database("identity")))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42501");
  }

  /** What PostgreSQL itself sees: whose connections the running services hold. */
  @Test
  void everyServiceConnectsAsItsDatabasesOwnRoleNeverTheSuperuser() throws SQLException {
    RunCommand system = SharedSystem.system();
    List<String> databases = RunCommand.DATABASES.stream().map(system::database).toList();

    Map<String, Set<String>> users = connectedUsers(system, databases);

    // Each service's pool keeps connections open, so every database shows its service's users.
    assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(databases);
    users.forEach((database, roles) -> assertThat(roles).as(database).containsExactly(database));
  }

  static Map<String, Set<String>> connectedUsers(RunCommand system, List<String> databases)
      throws SQLException {
    Map<String, Set<String>> users = new TreeMap<>();
    try (Connection admin = system.connectAs("postgres", "postgres");
        PreparedStatement query =
            admin.prepareStatement(
                // Client backends only: an autovacuum worker shows the database with no user.
                "SELECT datname, usename FROM pg_stat_activity"
                    + " WHERE datname = ANY (?) AND backend_type = 'client backend'")) {
      query.setArray(1, admin.createArrayOf("text", databases.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          users
              .computeIfAbsent(rows.getString(1), database -> new TreeSet<>())
              .add(rows.getString(2));
        }
      }
    }
    return users;
  }
}
