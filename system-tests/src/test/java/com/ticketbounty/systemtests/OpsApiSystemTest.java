package com.ticketbounty.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.ticketbounty.systemtests.Api.Account;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The operations API at the gateway ({@code /api/ops/**}): an administrator replays a failed run
 * through it and finds the replay in the audit under their own id; nobody else gets in; and no
 * spelling of an {@code /api/ops} path reaches an {@code /internal} one.
 */
@ExtendWith(SharedSystem.class)
class OpsApiSystemTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String RUN = UUID.randomUUID().toString();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Every call of API.md's operations table: method, path, body. */
  private static final List<String[]> CALLS =
      List.of(
          new String[] {"GET", "/api/ops/functions", ""},
          new String[] {"GET", "/api/ops/runs", ""},
          new String[] {"GET", "/api/ops/runs/notification-service/" + RUN, ""},
          new String[] {"POST", "/api/ops/runs/notification-service/" + RUN + "/replay", ""},
          new String[] {"POST", "/api/ops/runs/replay", "{}"},
          new String[] {"POST", "/api/ops/runs/notification-service/" + RUN + "/cancel", ""},
          new String[] {"GET", "/api/ops/dead-letters", ""},
          new String[] {"POST", "/api/ops/dead-letters/notification-service/1/redrive", ""},
          new String[] {"POST", "/api/ops/events", "{\"name\":\"app/x.y\",\"data\":{}}"},
          new String[] {"POST", "/api/ops/functions/admin-digest-service/daily-digest/trigger", ""},
          new String[] {"GET", "/api/ops/emails", ""},
          new String[] {"GET", "/api/ops/audit", ""});

  private static Api api;
  private static Account admin;

  @BeforeAll
  static void signUpTheOperator() throws Exception {
    api = SharedSystem.api();
    admin = api.verify(api.signUp("ops", SharedSystem.OPS_EMAIL), SharedSystem.providers());
    assertThat(admin.role()).isEqualTo("ADMIN");
  }

  @Test
  void anAdministratorReplaysAFailedRunAndTheReplayIsAuditedUnderTheirId() throws Exception {
    Account ada = api.signUp("flood");
    String title = "Basement flooding " + ada.username();
    // Slack refuses this ticket's alert for good (400): urgent-ticket fails without retrying.
    StubMapping refusal =
        SharedSystem.emailProvider()
            .stubFor(
                post(urlEqualTo(Providers.SLACK))
                    .withRequestBody(containing(title))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(400).withBody("invalid_payload")));
    String runId;
    try {
      String ticketId = openUrgentTicket(ada, title);
      runId = awaitRun(ticketId, "failed");
    } finally {
      SharedSystem.emailProvider().removeStub(refusal);
    }
    Http.Reply failed = ops("GET", "/api/ops/runs/notification-service/" + runId, "", admin);
    assertThat(failed.status()).as("%s", failed).isEqualTo(200);
    assertThat(failed.json().path("service").asString()).isEqualTo("notification-service");
    assertThat(failed.json().path("steps").toString()).contains("notify-admins");

    Http.Reply replay =
        ops("POST", "/api/ops/runs/notification-service/" + runId + "/replay", "", admin);

    assertThat(replay.status()).as("%s", replay).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                "completed"
                    .equals(
                        ops("GET", "/api/ops/runs/notification-service/" + runId, "", admin)
                            .json()
                            .path("status")
                            .asString()));
    Http.Reply audit = ops("GET", "/api/ops/audit?service=notification-service", "", admin);
    assertThat(audit.status()).as("%s", audit).isEqualTo(200);
    JsonNode entry = null;
    for (JsonNode item : audit.json().path("list")) {
      if (runId.equals(item.path("target").asString(""))) {
        entry = item;
      }
    }
    assertThat(entry).as("the replay of %s in %s", runId, audit.json()).isNotNull();
    assertThat(entry.path("action").asString()).isEqualTo("run.replayed");
    assertThat(entry.path("actorId").asString()).isEqualTo(admin.id());
    assertThat(entry.path("actorName").asString()).isEqualTo(admin.username());
    assertThat(entry.path("service").asString()).isEqualTo("notification-service");
    // A second replay of a completed run is refused by the service, passed on, and not audited.
    Http.Reply again =
        ops("POST", "/api/ops/runs/notification-service/" + runId + "/replay", "", admin);
    assertThat(again.status()).as("%s", again).isEqualTo(409);
    int replays = 0;
    for (JsonNode item : ops("GET", "/api/ops/audit", "", admin).json().path("list")) {
      if (runId.equals(item.path("target").asString(""))) {
        replays++;
      }
    }
    assertThat(replays).isEqualTo(1);
  }

  @Test
  void everyServiceAnswersTheMergedListsOfAnAdministrator() throws Exception {
    for (String path :
        List.of("/api/ops/functions", "/api/ops/runs", "/api/ops/dead-letters", "/api/ops/audit")) {
      Http.Reply reply = ops("GET", path, "", admin);
      assertThat(reply.status()).as("%s %s", path, reply).isEqualTo(200);
      assertThat(reply.json().at("/metadata/unavailable").size()).as(path).isZero();
    }
    Http.Reply emails = ops("GET", "/api/ops/emails?limit=5", "", admin);
    assertThat(emails.status()).as("%s", emails).isEqualTo(200);
  }

  @Test
  void aNonAdministratorIsRefusedEveryOperationsCallAndAnonymousIsUnauthorized() throws Exception {
    Account user = api.signUp("curious");
    List<String> wrong = new ArrayList<>();
    for (String[] call : CALLS) {
      int anonymous = ops(call[0], call[1], call[2], null).status();
      int asUser = ops(call[0], call[1], call[2], user).status();
      if (anonymous != 401 || asUser != 403) {
        wrong.add("%s %s: anonymous %d, user %d".formatted(call[0], call[1], anonymous, asUser));
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void noSpellingOfAnOperationsPathReachesAnInternalOne() throws Exception {
    List<String> reached = new ArrayList<>();
    for (String path :
        List.of(
            "/api/ops/..%2F..%2Finternal/runtime/runs",
            "/api/ops/%2e%2e/%2e%2e/internal/runtime/runs",
            "/api/ops/../../internal/runtime/runs",
            "/api/ops/runs/notification-service/..%2F..%2Fdead-letters",
            "/api/ops/runs/notification-service%2F..%2F..%2Fnotifications/emails",
            "/api/ops/runs/notification-service/%2e%2e%2F%2e%2e%2Fdead-letters",
            "/api/ops/functions/notification-service/..%2F..%2Fruns/trigger",
            "/api/ops/dead-letters/notification-service/1%2F..%2F..%2Fevents/redrive",
            "/internal/runtime/audit",
            "/API/OPS/runs")) {
      String method = path.endsWith("/trigger") || path.endsWith("/redrive") ? "POST" : "GET";
      int status = raw(method, path, admin);
      if (status != 400 && status != 404) {
        reached.add(path + " → " + status);
      }
    }
    assertThat(reached).isEmpty();
  }

  // --- helpers ---

  private static String openUrgentTicket(Account owner, String title) throws Exception {
    Map<String, Object> ticket = new HashMap<>(Api.ticket(title));
    ticket.put("priority", "urgent");
    Http.Reply reply =
        api.call("POST", "/api/tickets").bearer(owner.accessToken()).json(ticket).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.text("/id");
  }

  /** The id of the urgent-ticket run about {@code ticketId} once it has {@code status}. */
  private static String awaitRun(String ticketId, String status) {
    List<String> found = new ArrayList<>();
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              Http.Reply runs =
                  ops(
                      "GET",
                      "/api/ops/runs?service=notification-service&function=urgent-ticket&status="
                          + status
                          + "&limit=100",
                      "",
                      admin);
              for (JsonNode run : runs.json().path("list")) {
                String id = run.path("id").asString();
                Http.Reply shown =
                    ops("GET", "/api/ops/runs/notification-service/" + id, "", admin);
                if (shown.json().path("event").toString().contains(ticketId)) {
                  found.add(id);
                }
              }
              return !found.isEmpty();
            });
    return found.get(0);
  }

  private static Http.Reply ops(String method, String path, String body, @Nullable Account caller)
      throws Exception {
    Http request = api.call(method, path).bearer(caller == null ? null : caller.accessToken());
    return body.isEmpty() ? request.send() : request.json(body).send();
  }

  /** Sent as written: a URI builder would normalise the odd spellings away. */
  private static int raw(String method, String path, Account caller) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(SharedSystem.system().url("gateway") + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + caller.accessToken())
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
