package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.systemtests.Api.Account;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * ticket-service's copy of the accounts (usernames) is rebuilt from identity-service, its owner: a
 * lost row comes back when an administrator has identity republish the accounts.
 */
@ExtendWith(SharedSystem.class)
class ReadModelRebuildSystemTest {

  @Test
  void aLostAccountRowComesBackWhenIdentityRepublishesTheAccounts() throws Exception {
    Api api = SharedSystem.api();
    Account bob = api.signUp("bob");
    String ticket = api.openTicket(bob, "Owner shown by name");
    // Identity's own account.created has arrived (version 1), so no event in flight refills it.
    await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(versionOf(bob)));

    execute("DELETE FROM service_web.accounts WHERE user_id = ?", bob);
    assertThat(ownerNameOf(api, ticket)).isNotEqualTo(bob.username());

    Account operator =
        api.verify(api.signUp("operator", SharedSystem.OPERATOR_EMAIL), SharedSystem.providers());
    Http.Reply republished =
        Http.request(
                "POST",
                SharedSystem.system().url("identity-service")
                    + "/internal/identity/accounts/republish")
            .bearer(operator.accessToken())
            .send();
    assertThat(republished.status()).as("%s", republished).isEqualTo(200);
    assertThat(republished.json().get("republished").asLong()).isGreaterThanOrEqualTo(2);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> bob.username().equals(ownerNameOf(api, ticket)));
    assertThat(versionOf(bob)).isEqualTo(1);
  }

  private static @Nullable String ownerNameOf(Api api, String ticket) throws Exception {
    Http.Reply reply = api.call("GET", "/api/tickets/" + ticket).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonNode name = reply.json().at("/owner/username");
    return name.isString() ? name.asString() : null;
  }

  private static @Nullable Long versionOf(Account account) throws SQLException {
    try (Connection connection = ticketDatabase();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT version FROM service_web.accounts WHERE user_id = ?")) {
      query.setObject(1, UUID.fromString(account.id()));
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : null;
      }
    }
  }

  private static void execute(String sql, Account account) throws SQLException {
    try (Connection connection = ticketDatabase();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, UUID.fromString(account.id()));
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }

  /** As ticket-service's own role, the one role that may use its database. */
  private static Connection ticketDatabase() throws SQLException {
    String database = SharedSystem.system().database("ticket");
    return SharedSystem.system().connectAs(database, database);
  }
}
