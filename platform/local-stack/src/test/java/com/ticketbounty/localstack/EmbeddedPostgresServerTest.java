package com.ticketbounty.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real embedded PostgreSQL, started as {@code local-stack embedded-postgres} starts it. */
class EmbeddedPostgresServerTest {
  @TempDir Path data;

  @Test
  void givenSettingsOverrideTheEmbeddedServersOwn() throws Exception {
    Map<String, String> settings =
        EmbeddedPostgresServer.settings(
            List.of("fsync=on", "synchronous_commit=on", "max_connections=42"));

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, freePort(), settings)) {
      assertThat(show(server, "fsync")).isEqualTo("on");
      assertThat(show(server, "synchronous_commit")).isEqualTo("on");
      assertThat(show(server, "max_connections")).isEqualTo("42");
    }
  }

  @Test
  void withoutSettingsItKeepsZonkysFastDefaults() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, freePort())) {
      assertThat(show(server, "fsync")).isEqualTo("off");
      assertThat(show(server, "synchronous_commit")).isEqualTo("off");
    }
  }

  @Test
  void aSettingWithoutNameOrValueSeparatorIsRefusedSayingTheForm() {
    assertThatThrownBy(() -> EmbeddedPostgresServer.settings(List.of("max_connections")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<name>=<value>")
        .hasMessageContaining("'max_connections'");
    assertThatThrownBy(() -> EmbeddedPostgresServer.settings(List.of("=on")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String show(EmbeddedPostgresServer server, String setting) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW " + setting)) {
      row.next();
      return row.getString(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
