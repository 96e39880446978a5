package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.systemtests.Api.Account;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what, asked of the gateway and of each service directly (a service must not rely on
 * the gateway): every mutating endpoint refuses an anonymous caller (401) and, where it belongs to
 * someone, another user (403); a session that ended is refused by all of them.
 */
@ExtendWith(SharedSystem.class)
class AuthorizationMatrixSystemTest {
  private static final Map<String, String> SERVICE_OF =
      Map.of(
          "/api/auth", "identity-service",
          "/api/account", "identity-service",
          "/api/tickets/T/comments", "comment-service",
          "/api/comments", "comment-service",
          "/api/tickets", "ticket-service");

  private static Account owner;
  private static Account stranger;
  private static String ticket;
  private static String comment;

  @BeforeAll
  static void someonesTicketAndComment() throws Exception {
    Api api = SharedSystem.api();
    owner = api.signUp("mowner");
    stranger = api.signUp("stranger");
    ticket = api.openTicket(owner, "Owned");
    comment = api.postComment(owner, ticket, "Mine");
  }

  /** method, path (T = the ticket, C = the comment), body, whether it belongs to someone. */
  private record Endpoint(String method, String path, String body, boolean owned) {
    String concretePath() {
      return path.replace("/T", "/" + ticket).replace("/C", "/" + comment);
    }

    String service() {
      return SERVICE_OF.entrySet().stream()
          .filter(entry -> path.startsWith(entry.getKey()))
          .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
          .orElseThrow()
          .getValue();
    }
  }

  private static final List<Endpoint> MUTATING =
      List.of(
          new Endpoint("POST", "/api/auth/sign-out", "", false),
          new Endpoint("POST", "/api/auth/email/verification", "", false),
          new Endpoint("POST", "/api/auth/email/verify", "{\"code\":\"ABCDEFGH\"}", false),
          new Endpoint("PATCH", "/api/account", "{\"notificationPreference\":\"off\"}", false),
          new Endpoint(
              "PUT",
              "/api/account/password",
              "{\"currentPassword\":\"x\",\"newPassword\":\"yyyyyyyy\"}",
              false),
          new Endpoint(
              "POST", "/api/tickets", Http.JSON.writeValueAsString(Api.ticket("t")), false),
          new Endpoint("PATCH", "/api/tickets/T", "{\"title\":\"taken\"}", true),
          new Endpoint("PUT", "/api/tickets/T/status", "{\"status\":\"DONE\"}", true),
          new Endpoint("PUT", "/api/tickets/T/assignee", "{\"userId\":null}", true),
          new Endpoint("DELETE", "/api/tickets/T", "", true),
          new Endpoint("POST", "/api/tickets/T/comments", "{\"content\":\"hi\"}", false),
          new Endpoint("PATCH", "/api/comments/C", "{\"content\":\"taken\"}", true),
          new Endpoint("DELETE", "/api/comments/C", "", true));

  @Test
  void refusesAnonymousCallersAtTheGatewayAndAtEachService() throws Exception {
    for (Endpoint endpoint : MUTATING) {
      for (String base : List.of(gateway(), service(endpoint))) {
        Http.Reply reply = call(base, endpoint, null);
        assertThat(reply.status()).as("%s", reply).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
      }
    }
  }

  @Test
  void refusesAnotherUserAtTheGatewayAndAtEachService() throws Exception {
    for (Endpoint endpoint : MUTATING.stream().filter(Endpoint::owned).toList()) {
      for (String base : List.of(gateway(), service(endpoint))) {
        Http.Reply reply = call(base, endpoint, stranger.accessToken());
        assertThat(reply.status()).as("%s", reply).isEqualTo(403);
      }
    }
    assertThat(Http.get(gateway() + "/api/tickets/" + ticket).text("/title")).isEqualTo("Owned");
  }

  @Test
  void aSignedOutSessionIsRefusedEverywhere() throws Exception {
    Account leaving = SharedSystem.api().signUp("leaving");
    assertThat(
            SharedSystem.api()
                .call("POST", "/api/auth/sign-out")
                .bearer(leaving.accessToken())
                .send()
                .status())
        .isEqualTo(204);

    awaitRefusedEverywhere(leaving.accessToken());
  }

  @Test
  void aPasswordChangeEndsTheSessionEverywhere() throws Exception {
    Account changing = SharedSystem.api().signUp("changing");
    Http.Reply changed =
        SharedSystem.api()
            .call("PUT", "/api/account/password")
            .bearer(changing.accessToken())
            .json(Map.of("currentPassword", Api.PASSWORD, "newPassword", "a-new-password"))
            .send();
    assertThat(changed.status()).as("%s", changed).isEqualTo(204);

    awaitRefusedEverywhere(changing.accessToken());
  }

  /** Each asked with a read that a live token would pass. */
  private static void awaitRefusedEverywhere(String accessToken) {
    RunCommand urls = SharedSystem.system();
    for (String url :
        List.of(
            gateway() + "/api/account",
            gateway() + "/api/tickets?scope=mine",
            gateway() + "/api/tickets/" + ticket + "/comments",
            urls.url("identity-service") + "/api/account",
            urls.url("ticket-service") + "/api/tickets?scope=mine",
            urls.url("comment-service") + "/api/tickets/" + ticket + "/comments")) {
      await(url)
          .atMost(Duration.ofSeconds(30))
          .until(() -> Http.request("GET", url).bearer(accessToken).send().status() == 401);
    }
  }

  private static Http.Reply call(String base, Endpoint endpoint, String accessToken)
      throws Exception {
    Http request =
        Http.request(endpoint.method(), base + endpoint.concretePath()).bearer(accessToken);
    if (!endpoint.body().isEmpty()) {
      request.json(endpoint.body());
    }
    return request.send();
  }

  private static String gateway() {
    return SharedSystem.system().gateway();
  }

  private static String service(Endpoint endpoint) {
    return SharedSystem.system().url(endpoint.service());
  }
}
