package com.ticketbounty.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Test databases get a service's isolation: a role of their own, which alone may connect. */
class TestDatabaseTest {

  @Test
  void codeUnderTestConnectsAsTheDatabasesOwnRoleNotTheSuperuser() throws SQLException {
    try (TestDatabase database = TestDatabase.create("own_role");
        Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT current_user, rolsuper, pg_get_userbyid(datdba) FROM pg_roles, pg_database"
                    + " WHERE rolname = current_user AND datname = current_database()")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo(database.user()).isNotEqualTo("postgres");
      assertThat(row.getBoolean(2)).as("superuser").isFalse();
      assertThat(row.getString(3)).as("the database's owner").isEqualTo(database.user());
    }
  }

  @Test
  void oneTestDatabasesRoleCannotConnectToAnother() {
    try (TestDatabase mine = TestDatabase.create("mine");
        TestDatabase theirs = TestDatabase.create("theirs")) {
      assertThatThrownBy(
              () ->
                  DriverManager.getConnection(theirs.jdbcUrl(), mine.user(), mine.password())
                      .close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied for database");
    }
  }

  @Test
  void closeDropsTheDatabaseAndItsRole() throws SQLException {
    TestDatabase database = TestDatabase.create("dropped");

    database.close();

    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement statement = admin.createStatement();
        ResultSet left =
            statement.executeQuery(
                "SELECT (SELECT count(*) FROM pg_database WHERE datname = '%s')"
                        .formatted(database.name())
                    + " + (SELECT count(*) FROM pg_roles WHERE rolname = '%s')"
                        .formatted(database.user()))) {
      assertThat(left.next()).isTrue();
      assertThat(left.getInt(1)).isZero();
    }
  }
}
