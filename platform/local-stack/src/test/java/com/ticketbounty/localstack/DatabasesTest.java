package com.ticketbounty.localstack;

import static com.ticketbounty.localstack.ServiceDatabase.withoutPassword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.localstack.Databases.Provisioned;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against the machine's real PostgreSQL, as the run command uses it. */
class DatabasesTest {
  private final String name = Admin.freshName("localstack");

  @AfterEach
  void dropDatabaseAndRole() throws SQLException {
    Admin.dropDatabasesAndRoles(List.of(name));
  }

  @Test
  void createsTheDatabaseOwnedByItsRoleAndKeepsItsDataOnTheNextRun() throws SQLException {
    List<Provisioned> first = Databases.ensure(Admin.SERVER, List.of(withoutPassword(name)));
    asRole("CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (1)");

    List<Provisioned> second = Databases.ensure(Admin.SERVER, List.of(withoutPassword(name)));

    assertThat(first).containsExactly(new Provisioned(name, true, 0));
    assertThat(second).containsExactly(new Provisioned(name, false, 0));
    assertThat(Admin.queryOne(name, "SELECT count(*) FROM kept")).isEqualTo("1");
    assertThat(Admin.queryOne("postgres", databaseOwner())).isEqualTo(name);
    assertThat(Admin.queryOne("postgres", roleAttributes())).isEqualTo("login");
  }

  /**
   * An older run command made the database as the superuser, and the services made their tables as
   * the superuser too: after the upgrade the service's role owns all of it, so the service reads
   * and migrates its data as before.
   */
  @Test
  void handsADatabaseAnOlderRunCommandMadeToItsRole() throws SQLException {
    Admin.execute("postgres", "CREATE DATABASE " + name);
    Admin.execute(
        name,
        "CREATE TABLE tickets (id bigserial PRIMARY KEY, title text)",
        "INSERT INTO tickets (title) VALUES ('old')",
        "CREATE TABLE flyway_schema_history (version text)",
        "CREATE SCHEMA event_runtime",
        "CREATE TABLE event_runtime.runs (id bigint GENERATED ALWAYS AS IDENTITY, status text)",
        "CREATE SEQUENCE event_runtime.ticks",
        "CREATE VIEW open_tickets AS SELECT * FROM tickets");

    List<Provisioned> upgraded = Databases.ensure(Admin.SERVER, List.of(withoutPassword(name)));

    // event_runtime, tickets (its sequence follows), flyway_schema_history, runs (its identity
    // sequence follows), the view and the sequence of its own.
    assertThat(upgraded).containsExactly(new Provisioned(name, false, 6));
    assertThat(Admin.queryOne(name, objectsNotOwnedBy(name))).isEqualTo("0");
    asRole(
        "INSERT INTO tickets (title) VALUES ('new')",
        "ALTER TABLE tickets ADD COLUMN status text",
        "INSERT INTO event_runtime.runs (status) VALUES ('queued')",
        "SELECT nextval('event_runtime.ticks')",
        "SELECT * FROM open_tickets",
        "CREATE TABLE event_runtime.steps (id int)");
    assertThat(Databases.ensure(Admin.SERVER, List.of(withoutPassword(name))))
        .containsExactly(new Provisioned(name, false, 0));
  }

  @Test
  void setsTheRolePasswordFromTheNamedVariableAndKeepsItWhenNoneIsGiven() throws SQLException {
    ServiceDatabase withPassword =
        ServiceDatabase.parse(
            name + "=TICKET_DB_PASSWORD", Map.of("TICKET_DB_PASSWORD", "ticket-s3cret"));
    Databases.ensure(Admin.SERVER, List.of(withPassword));
    String hashed = Admin.queryOne("postgres", storedPassword());

    Databases.ensure(Admin.SERVER, List.of(ServiceDatabase.parse(name, Map.of())));

    assertThat(hashed).startsWith("SCRAM-SHA-256$").doesNotContain("ticket-s3cret");
    assertThat(Admin.queryOne("postgres", storedPassword())).isEqualTo(hashed);
  }

  @Test
  void bringsARoleSomeoneMadeMorePowerfulBackToAPlainLogin() throws SQLException {
    Databases.ensure(Admin.SERVER, List.of(withoutPassword(name)));
    Admin.execute("postgres", "ALTER ROLE %s SUPERUSER CREATEDB CREATEROLE".formatted(name));

    Databases.ensure(Admin.SERVER, List.of(withoutPassword(name)));

    assertThat(Admin.queryOne("postgres", roleAttributes())).isEqualTo("login");
  }

  @Test
  void refusesANameThatIsNotPlain() {
    assertThatThrownBy(() -> withoutPassword("x; DROP DATABASE postgres"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a plain database name");
  }

  private void asRole(String... statements) throws SQLException {
    try (Connection connection = Admin.connectAs(name, name);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        if (statement.execute(sql)) {
          try (ResultSet _ = statement.getResultSet()) {
            // a query only has to be allowed
          }
        }
      }
    }
  }

  private String databaseOwner() {
    return "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '%s'".formatted(name);
  }

  private String roleAttributes() {
    return """
        SELECT concat_ws(',', CASE WHEN rolcanlogin THEN 'login' END,
                         CASE WHEN rolsuper THEN 'superuser' END,
                         CASE WHEN rolcreatedb THEN 'createdb' END,
                         CASE WHEN rolcreaterole THEN 'createrole' END)
        FROM pg_roles WHERE rolname = '%s'"""
        .formatted(name);
  }

  private String storedPassword() {
    return "SELECT rolpassword FROM pg_authid WHERE rolname = '%s'".formatted(name);
  }

  private static String objectsNotOwnedBy(String role) {
    return """
        SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
          AND c.relkind IN ('r', 'S', 'v') AND pg_get_userbyid(c.relowner) <> '%s'"""
        .formatted(role);
  }
}
