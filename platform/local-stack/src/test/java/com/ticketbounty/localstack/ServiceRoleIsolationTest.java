package com.ticketbounty.localstack;

import static com.ticketbounty.localstack.ServiceDatabase.withoutPassword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service's database role cannot read another service's database: two services' databases and
 * roles made by local-stack as the run command makes them, on an instance name of their own, on the
 * machine's real PostgreSQL.
 */
class ServiceRoleIsolationTest {
  private static final String INSTANCE = Admin.freshName("roles");
  private static final String IDENTITY = INSTANCE + "_identity";
  private static final String TICKET = INSTANCE + "_ticket";
  private static final String STRANGER = INSTANCE + "_stranger";
  private static final String PERMISSION_DENIED = "42501";

  @BeforeAll
  static void createTwoServicesDatabases() throws SQLException {
    Databases.ensure(Admin.SERVER, List.of(withoutPassword(IDENTITY), withoutPassword(TICKET)));
    try (Connection identity = Admin.connectAs(IDENTITY, IDENTITY);
        Statement statement = identity.createStatement()) {
      statement.execute("CREATE TABLE users (id int, password_hash text)");
      statement.execute("INSERT INTO users VALUES (1, 'argon2id-hash')");
      statement.execute("CREATE SCHEMA event_runtime");
      statement.execute("CREATE TABLE event_runtime.outbox (id int)");
    }
    Admin.execute("postgres", "CREATE ROLE %s LOGIN".formatted(STRANGER));
  }

  @AfterAll
  static void dropThem() throws SQLException {
    Admin.dropDatabasesAndRoles(List.of(IDENTITY, TICKET, STRANGER));
  }

  @Test
  void theTicketServiceRoleCannotConnectToTheIdentityDatabase() {
    assertThatThrownBy(() -> Admin.connectAs(TICKET, IDENTITY).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied for database \"%s\"".formatted(IDENTITY))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo(PERMISSION_DENIED);
  }

  @Test
  void aRoleWithoutItsOwnGrantConnectsToNeitherDatabase() {
    for (String database : List.of(IDENTITY, TICKET)) {
      assertThatThrownBy(() -> Admin.connectAs(STRANGER, database).close())
          .as(database)
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo(PERMISSION_DENIED);
    }
  }

  @Test
  void eachServiceRoleConnectsToItsOwnDatabase() throws SQLException {
    for (String service : List.of(IDENTITY, TICKET)) {
      try (Connection own = Admin.connectAs(service, service);
          Statement statement = own.createStatement();
          ResultSet row = statement.executeQuery("SELECT current_user, current_database()")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo(service);
        assertThat(row.getString(2)).isEqualTo(service);
      }
    }
  }

  /** Behind the closed door the tables are closed too: they belong to identity's role alone. */
  @Test
  void theTicketServiceRoleIsRefusedIdentitysTablesEvenInsideItsDatabase() throws SQLException {
    try (Connection inside = Admin.SERVER.connect(IDENTITY);
        Statement statement = inside.createStatement()) {
      statement.execute("SET ROLE " + TICKET);

      assertThatThrownBy(() -> statement.executeQuery("SELECT password_hash FROM users"))
          .hasMessageContaining("permission denied for table users")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo(PERMISSION_DENIED);
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM event_runtime.outbox"))
          .hasMessageContaining("permission denied for schema event_runtime");
    }
  }
}
