package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.systemtests.Api.Account;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operations API and every {@code /internal/**} endpoint, attacked straight at every service's
 * port and at the gateway as the security review did: no encoded, matrix-parameter, double-slash,
 * dot-segment or mixed-case spelling reaches a handler without an ADMIN's (or, for internal calls,
 * a service's) token — the answer is 401, 403 or 404 — a user's token is 403 wherever the endpoint
 * is, and an ADMIN whose session has ended is 401 at once.
 */
@ExtendWith(SharedSystem.class)
class InternalEndpointsSystemTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String RUN = UUID.randomUUID().toString();

  /** Every service that consumes events serves dead letters and sending an event. */
  private static final List<String> CONSUMERS =
      List.of(
          "identity-service",
          "ticket-service",
          "comment-service",
          "notification-service",
          "admin-digest-service");

  /** Only a service with durable functions serves functions and runs. */
  private static final List<String> WITH_FUNCTIONS =
      List.of("notification-service", "admin-digest-service");

  /** method, path, body, and the services that serve it. */
  private record Endpoint(String method, String path, String body, List<String> servedBy) {}

  private static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("GET", "/internal/runtime/functions", "", WITH_FUNCTIONS),
          new Endpoint("GET", "/internal/runtime/runs", "", WITH_FUNCTIONS),
          new Endpoint("GET", "/internal/runtime/runs/" + RUN, "", WITH_FUNCTIONS),
          new Endpoint("POST", "/internal/runtime/runs/" + RUN + "/replay", "", WITH_FUNCTIONS),
          new Endpoint("POST", "/internal/runtime/runs/" + RUN + "/cancel", "", WITH_FUNCTIONS),
          new Endpoint("POST", "/internal/runtime/runs/replay", "{}", WITH_FUNCTIONS),
          new Endpoint(
              "POST", "/internal/runtime/functions/ticket-created/trigger", "", WITH_FUNCTIONS),
          new Endpoint("GET", "/internal/runtime/dead-letters", "", CONSUMERS),
          new Endpoint("GET", "/internal/runtime/audit", "", CONSUMERS),
          new Endpoint("POST", "/internal/runtime/dead-letters/1/redrive", "", CONSUMERS),
          new Endpoint(
              "POST",
              "/internal/runtime/events",
              "{\"name\":\"app/account.profile-updated\",\"data\":{}}",
              CONSUMERS),
          new Endpoint(
              "POST", "/internal/identity/signing-keys/rotate", "", List.of("identity-service")),
          new Endpoint(
              "POST", "/internal/identity/accounts/republish", "", List.of("identity-service")),
          new Endpoint("GET", "/internal/tickets/" + RUN, "", List.of("ticket-service")),
          new Endpoint(
              "GET",
              "/internal/identity/accounts/count?since=2026-01-01T00:00:00Z",
              "",
              List.of("identity-service")),
          new Endpoint(
              "GET",
              "/internal/tickets/count?since=2026-01-01T00:00:00Z",
              "",
              List.of("ticket-service")),
          new Endpoint(
              "GET",
              "/internal/comments/count?since=2026-01-01T00:00:00Z",
              "",
              List.of("comment-service")),
          new Endpoint(
              "GET", "/internal/notifications/emails", "", List.of("notification-service")));

  private static Account user;
  private static Account endedAdmin;
  private static Account liveAdmin;

  @BeforeAll
  static void callers() throws Exception {
    Api api = SharedSystem.api();
    user = api.signUp("intruder");
    endedAdmin =
        api.verify(api.signUp("security", SharedSystem.SECURITY_EMAIL), SharedSystem.providers());
    assertThat(endedAdmin.role()).isEqualTo("ADMIN");
    liveAdmin = api.signIn(endedAdmin, Api.PASSWORD);
    assertThat(
            api.call("POST", "/api/auth/sign-out").bearer(endedAdmin.accessToken()).send().status())
        .isEqualTo(204);
    // Every service hears of the ended session through app/auth.session-ended.
    for (String service : CONSUMERS) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> send(service, "GET", "/internal/runtime/dead-letters", "", endedAdmin) == 401);
    }
  }

  @Test
  void noSpellingOfAnInternalPathReachesItsHandlerWithoutTheRightToken() throws Exception {
    List<String> reached = new ArrayList<>();
    for (String process : RunCommand.PROCESSES) {
      for (Endpoint endpoint : ENDPOINTS) {
        for (String path : spellings(endpoint.path())) {
          for (Account caller : new Account[] {null, user, endedAdmin}) {
            int status = send(process, endpoint.method(), path, endpoint.body(), caller);
            if (status != 401 && status != 403 && status != 404) {
              reached.add(
                  "%s %s%s as %s → %d"
                      .formatted(endpoint.method(), process, path, who(caller), status));
            }
          }
        }
      }
    }
    assertThat(reached).isEmpty();
  }

  @Test
  void eachEndpointAnswersWhoMayNotCallIt() throws Exception {
    for (Endpoint endpoint : ENDPOINTS) {
      for (String service : endpoint.servedBy()) {
        String at = "%s %s at %s".formatted(endpoint.method(), endpoint.path(), service);
        assertThat(send(service, endpoint.method(), endpoint.path(), endpoint.body(), null))
            .as(at + " without a token")
            .isEqualTo(401);
        assertThat(send(service, endpoint.method(), endpoint.path(), endpoint.body(), user))
            .as(at + " with a user's token")
            .isEqualTo(403);
        assertThat(send(service, endpoint.method(), endpoint.path(), endpoint.body(), endedAdmin))
            .as(at + " with an ended ADMIN session")
            .isEqualTo(401);
      }
    }
  }

  @Test
  void aLiveAdministratorOperatesEveryServicesRuntimeButNotThroughTheGateway() throws Exception {
    for (String service : CONSUMERS) {
      assertThat(send(service, "GET", "/internal/runtime/dead-letters", "", liveAdmin))
          .as(service)
          .isEqualTo(200);
    }
    assertThat(send("gateway", "GET", "/internal/runtime/dead-letters", "", liveAdmin))
        .isEqualTo(404);
  }

  /** The odd ways of writing {@code path} that a server might still match to it. */
  static List<String> spellings(String path) {
    String rest = path.substring("/internal".length());
    return List.of(
        path,
        "/%69nternal" + rest,
        "/internal/%" + Integer.toHexString(rest.charAt(1)) + rest.substring(2),
        "/internal;" + rest,
        "/internal;x=1" + rest.replaceAll("/([^/]+)", "/$1;y=2"),
        "//internal" + rest,
        "/internal/" + rest,
        "/internal/." + rest,
        "/api/../internal" + rest,
        "/api/%2e%2e/internal" + rest,
        "/internal" + rest.replace("/", "%2F"),
        "/Internal" + rest,
        path.toUpperCase(Locale.ROOT),
        path + "/");
  }

  private static String who(@Nullable Account caller) {
    return caller == null ? "nobody" : caller == user ? "a user" : "an ended ADMIN";
  }

  private static int send(
      String process, String method, String path, String body, @Nullable Account caller)
      throws IOException, InterruptedException {
    // Raw, as written: a URI builder would normalise or encode the odd spellings away.
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(SharedSystem.system().url(process) + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!body.isEmpty()) {
      request.header("Content-Type", "application/json");
    }
    if (caller != null) {
      request.header("Authorization", "Bearer " + caller.accessToken());
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
