package com.ticketbounty.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against the machine's real PostgreSQL, as the run command uses it. */
class DatabasesTest {
  private final String name = "tb_test_localstack_" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void dropDatabase() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  @Test
  void createsAMissingDatabaseAndLeavesAnExistingOneAlone() throws SQLException {
    List<String> first = Databases.ensure("127.0.0.1", 5432, "postgres", "", List.of(name));
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE kept (id int)");
    }

    List<String> second = Databases.ensure("127.0.0.1", 5432, "postgres", "", List.of(name));

    assertThat(first).containsExactly(name);
    assertThat(second).isEmpty();
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
        Statement statement = connection.createStatement()) {
      assertThat(statement.executeQuery("SELECT count(*) FROM kept").next()).isTrue();
    }
  }

  @Test
  void refusesANameThatIsNotPlain() {
    assertThatThrownBy(
            () ->
                Databases.ensure(
                    "127.0.0.1", 5432, "postgres", "", List.of("x; DROP DATABASE postgres")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a plain database name");
  }

  private static void admin(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
