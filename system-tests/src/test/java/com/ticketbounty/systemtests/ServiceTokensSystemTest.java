package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.systemtests.Api.Account;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Services call each other's {@code /internal/**} endpoints with service tokens that
 * identity-service issues for their client credentials: comment-service's ticket lookup works with
 * its own, and the same call without one, or with a user's token, is refused.
 */
@ExtendWith(SharedSystem.class)
class ServiceTokensSystemTest {
  /** The development secret the shared system runs with (refused under the prod profile). */
  private static final String COMMENT_SECRET = "development-secret-of-comment-service";

  @Test
  void commentServiceLooksUpATicketItHasNotHeardOfWithItsServiceToken() throws Exception {
    Api api = SharedSystem.api();
    Account owner = api.signUp("lookup");
    String ticket = api.openTicket(owner, "Known to ticket-service only");
    // Its app/ticket.created has arrived; then the row is lost, so only a lookup can find it.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Long.valueOf(1).equals(knownVersion(ticket)));
    forget(ticket);

    api.postComment(api.signUp("commenter"), ticket, "Found it anyway");

    assertThat(knownVersion(ticket)).as("remembered from ticket-service's answer").isZero();
  }

  @Test
  void theInternalLookupWantsAServiceToken() throws Exception {
    Api api = SharedSystem.api();
    Account owner = api.signUp("facts");
    String ticket = api.openTicket(owner, "Facts for services");
    String lookup = SharedSystem.system().url("ticket-service") + "/internal/tickets/" + ticket;

    Http.Reply withServiceToken =
        Http.request("GET", lookup).bearer(serviceToken("comment-service", COMMENT_SECRET)).send();
    assertThat(withServiceToken.status()).as("%s", withServiceToken).isEqualTo(200);
    assertThat(withServiceToken.text("/ownerId")).isEqualTo(owner.id());

    assertThat(Http.request("GET", lookup).send().status()).isEqualTo(401);
    assertThat(Http.request("GET", lookup).bearer(owner.accessToken()).send().status())
        .isEqualTo(403);
  }

  @Test
  void adminDigestServicesTokenCountsAtEveryOwner() throws Exception {
    String token =
        serviceToken("admin-digest-service", "development-secret-of-admin-digest-service");
    for (String path :
        List.of(
            "identity-service/internal/identity/accounts/count",
            "ticket-service/internal/tickets/count",
            "comment-service/internal/comments/count")) {
      String service = path.substring(0, path.indexOf('/'));
      Http.Reply counted =
          Http.request(
                  "GET",
                  SharedSystem.system().url(service)
                      + path.substring(service.length())
                      + "?since=2026-01-01T00:00:00Z")
              .bearer(token)
              .send();
      assertThat(counted.status()).as("%s", counted).isEqualTo(200);
      assertThat(counted.json().path("total").isNumber()).as("%s", counted).isTrue();
    }
  }

  @Test
  void identityIssuesNoTokenForAWrongSecret() throws Exception {
    Http.Reply refused = tokenRequest("comment-service", "not-the-secret");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.text("/error")).isEqualTo("invalid_client");
  }

  private static String serviceToken(String clientId, String secret) throws Exception {
    Http.Reply reply = tokenRequest(clientId, secret);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.text("/access_token");
  }

  private static Http.Reply tokenRequest(String clientId, String secret) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return Http.request("POST", SharedSystem.system().url("identity-service") + "/oauth2/token")
        .header("Authorization", "Basic " + basic)
        .form(Map.of("grant_type", "client_credentials"))
        .send();
  }

  private static @Nullable Long knownVersion(String ticket) throws SQLException {
    try (Connection connection = commentDatabase();
        PreparedStatement query =
            connection.prepareStatement("SELECT version FROM known_tickets WHERE ticket_id = ?")) {
      query.setObject(1, UUID.fromString(ticket));
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : null;
      }
    }
  }

  private static void forget(String ticket) throws SQLException {
    try (Connection connection = commentDatabase();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM known_tickets WHERE ticket_id = ?")) {
      statement.setObject(1, UUID.fromString(ticket));
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }

  private static Connection commentDatabase() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/" + SharedSystem.system().instance() + "_comment",
        "postgres",
        "");
  }
}
