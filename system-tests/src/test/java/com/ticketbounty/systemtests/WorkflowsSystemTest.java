package com.ticketbounty.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.ticketbounty.systemtests.Api.Account;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The workflows of DESIGN.md §8 end to end, through the gateway as the frontend calls it, with
 * WireMock standing in for every provider (issue 11, "It must show"). Side effects are counted as a
 * provider counts them: by distinct idempotency key.
 */
@ExtendWith(SharedSystem.class)
class WorkflowsSystemTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static Api api;
  private static Providers providers;
  private static Account admin;

  @BeforeAll
  static void signUpTheAdmin() throws Exception {
    api = SharedSystem.api();
    providers = SharedSystem.providers();
    Account unverified = api.signUp("workflows", SharedSystem.WORKFLOWS_EMAIL);
    assertThat(unverified.role())
        .as("an ADMIN_EMAILS address before verification")
        .isEqualTo("USER");
    assertThat(runs("notification-service", "ticket-created", unverified).status())
        .as("the operations API refuses it before verification")
        .isEqualTo(403);
    admin = api.verify(unverified, providers);
  }

  @Test
  void anAdminEmailAddressIsAdminOnlyOnceVerifiedAndThenTheOperationsApiAcceptsIt()
      throws Exception {
    assertThat(admin.role()).isEqualTo("ADMIN");

    Http.Reply runs = runs("notification-service", "email-verification-code", admin);

    assertThat(runs.status()).as("%s", runs).isEqualTo(200);
    assertThat(runs.json().at("/list").size()).isPositive();
  }

  @Test
  void anUrgentTicketIsConfirmedAnnouncedToSlackAndTrackedAndItsRunsAreListed() throws Exception {
    Account ada = api.signUp("urgent");
    String title = "Server room flooding " + ada.username();

    String ticketId = openTicket(ada, title, "urgent");

    Providers.Call confirmation = providers.awaitEmail(ada.email(), title);
    assertThat(confirmation.content()).contains(Providers.APP_BASE_URL + "/tickets/" + ticketId);
    assertThat(confirmation.idempotencyKey()).isNotBlank();
    Providers.Call slack = providers.awaitCall(Providers.SLACK, title);
    assertThat(slack.body().path("text").asString()).contains(title);
    Providers.Call track = providers.awaitCall(Providers.TRACK, ticketId);
    assertThat(track.body().path("userId").asString()).isEqualTo(ada.id());
    assertThat(track.body().path("messageId").asString()).isNotBlank();
    assertThat(track.body().path("event").asString()).isNotBlank();
    assertThat(providers.delivered(ada.email(), call -> call.content().contains(title)))
        .extracting(Providers.Call::idempotencyKey)
        .containsExactly(confirmation.idempotencyKey());

    JsonNode run = awaitRun("notification-service", "ticket-created", ticketId, "completed");
    assertThat(stepIds(run)).contains("send-confirmation", "notify-urgent", "track-creation");
    awaitRun("notification-service", "urgent-ticket", ticketId, "completed");
  }

  @Test
  void assigningAndUpdatingATicketTellTheAssigneeAndCommentersButNotWhoChangedIt()
      throws Exception {
    Account owner = api.signUp("owner");
    Account assignee = api.signUp("assignee");
    Account watcher = api.signUp("watcher");
    String title = "Lift stuck " + owner.username();
    String ticketId = openTicket(owner, title, "high");
    api.postComment(watcher, ticketId, "Same here");

    Http.Reply assigned =
        api.call("PUT", "/api/tickets/" + ticketId + "/assignee")
            .bearer(owner.accessToken())
            .json(Map.of("userId", assignee.id()))
            .send();
    assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
    providers.awaitEmail(assignee.email(), title);
    Http.Reply updated =
        api.call("PATCH", "/api/tickets/" + ticketId)
            .bearer(owner.accessToken())
            .json(Map.of("title", title + " (urgent now)"))
            .send();
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);

    providers.awaitEmail(watcher.email(), title + " (urgent now)");
    providers.awaitEmail(assignee.email(), title + " (urgent now)");
    awaitRun("notification-service", "ticket-updated", ticketId, "completed");
    assertThat(providers.delivered(owner.email(), call -> call.content().contains("(urgent now)")))
        .as("the owner made the change")
        .isEmpty();
    assertThat(distinctKeys(assignee.email(), title)).hasSize(2);
  }

  @Test
  void aCommentReachesTheOwnerAndEarlierCommentersOnceAndNeverItsAuthor() throws Exception {
    Account owner = api.signUp("cowner");
    Account first = api.signUp("first");
    Account second = api.signUp("second");
    Account latest = api.signUp("latest");
    String ticketId = openTicket(owner, "Printer jammed " + owner.username(), "low");
    api.postComment(first, ticketId, "first comment");
    api.postComment(second, ticketId, "second comment");
    api.postComment(first, ticketId, "first again");
    awaitRuns("notification-service", "comment-posted", ticketId, 3);

    String marker = "latest word " + latest.username();
    api.postComment(latest, ticketId, marker);

    for (Account told : List.of(owner, first, second)) {
      providers.awaitEmail(told.email(), marker);
    }
    awaitRuns("notification-service", "comment-posted", ticketId, 4);
    for (Account told : List.of(owner, first, second)) {
      assertThat(providers.delivered(told.email(), call -> call.content().contains(marker)))
          .as("%s is told once", told.username())
          .hasSize(1);
    }
    assertThat(providers.emailsTo(latest.email()))
        .noneMatch(call -> call.content().contains(marker));
  }

  @Test
  void aDailyDigestUserGetsOneBatchEmailAndAnOffUserOnlySecurityEmails() throws Exception {
    Account owner = api.signUp("downer");
    Account daily = api.signUp("daily");
    Account off = api.signUp("offuser");
    setPreference(daily, "daily-digest");
    setPreference(off, "off");
    String title = "Coffee machine " + owner.username();
    String ticketId = openTicket(owner, title, "medium");
    api.postComment(daily, ticketId, "daily was here");
    api.postComment(off, ticketId, "off was here");
    String marker = "owner answers " + owner.username();

    api.postComment(owner, ticketId, marker);
    awaitRuns("notification-service", "comment-posted", ticketId, 3);
    assertThat(providers.emailsTo(daily.email()))
        .as("queued for the digest, not sent")
        .noneMatch(call -> call.content().contains(title));
    JsonNode batch = trigger("notification-service", "batch-digest");
    awaitRunById("notification-service", batch.path("runId").asString(), "completed");
    Providers.Call digest = providers.awaitEmail(daily.email(), title);
    assertThat(providers.delivered(daily.email(), call -> call.content().contains(title)))
        .containsExactly(digest);

    Http.Reply changed =
        api.call("PUT", "/api/account/password")
            .bearer(off.accessToken())
            .json(Map.of("currentPassword", Api.PASSWORD, "newPassword", "another-horse-battery"))
            .send();
    assertThat(changed.status()).as("%s", changed).isIn(200, 204);
    await().atMost(PATIENCE).until(() -> !providers.delivered(off.email(), call -> true).isEmpty());
    awaitRuns("notification-service", "password-changed", off.id(), 1);
    assertThat(providers.delivered(off.email(), call -> true))
        .as("only the security e-mail: no welcome, no comment, no digest")
        .hasSize(1)
        .allSatisfy(call -> assertThat(call.content()).doesNotContain(title));
  }

  @Test
  void theWelcomeEmailWaitsItsDelayAndGoesOnce() throws Exception {
    Account ada = api.signUp("welcome");

    JsonNode run = awaitRunForUser("welcome-email", ada, "completed");
    Providers.Call welcome = providers.awaitEmail(ada.email(), ada.username());

    JsonNode sleep =
        StreamSupport.stream(run.path("steps").spliterator(), false)
            .filter(step -> step.path("wakeAt").isString())
            .findFirst()
            .orElseThrow();
    Instant started = Instant.parse(run.path("startedAt").asString());
    assertThat(Duration.between(started, Instant.parse(sleep.path("wakeAt").asString())))
        .as("the recorded due time of the sleep")
        .isGreaterThanOrEqualTo(SharedSystem.WELCOME_EMAIL_DELAY.minusMillis(5));
    assertThat(welcome.at()).isAfterOrEqualTo(Instant.parse(sleep.path("wakeAt").asString()));
    assertThat(distinctKeys(ada.email(), "Welcome")).hasSize(1);
  }

  @Test
  void theDigestCountsWhatExistsAndReachesEveryAdminAndDiscordOnceAlsoWhenDiscordFailsOnce()
      throws Exception {
    Account ada = api.signUp("digest");
    String ticketId = openTicket(ada, "Digest seed " + ada.username(), "low");
    api.postComment(ada, ticketId, "seeded comment");
    awaitRuns("notification-service", "comment-posted", ticketId, 1);
    SharedSystem.emailProvider()
        .stubFor(
            post(urlEqualTo(Providers.DISCORD))
                .inScenario("discord fails once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
    SharedSystem.emailProvider()
        .stubFor(
            post(urlEqualTo(Providers.DISCORD))
                .inScenario("discord fails once")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));
    int discordBefore = providers.calls(Providers.DISCORD).size();

    JsonNode digest = trigger("admin-digest-service", "prepare-admin-digest");
    awaitRunById("admin-digest-service", digest.path("runId").asString(), "completed");

    JsonNode emailRun = awaitLatestRun("admin-digest-email", "completed");
    JsonNode figures = emailRun.path("event").path("data");
    Instant since = Instant.parse(figures.path("periodStart").asString());
    assertThat(figures.path("ticketsTotal").asLong()).isEqualTo(count("ticket", "tickets", null));
    assertThat(figures.path("ticketsLastSevenDays").asLong())
        .isEqualTo(count("ticket", "tickets", since));
    assertThat(figures.path("usersTotal").asLong()).isEqualTo(count("identity", "users", null));
    assertThat(figures.path("usersLastSevenDays").asLong())
        .isEqualTo(count("identity", "users", since));
    assertThat(figures.path("commentsTotal").asLong())
        .isEqualTo(count("comment", "comments", null));
    assertThat(figures.path("commentsLastSevenDays").asLong())
        .isEqualTo(count("comment", "comments", since));
    JsonNode discordRun = awaitLatestRun("admin-digest-discord", "completed");
    assertThat(discordRun.path("event").path("id").asString())
        .isEqualTo(emailRun.path("event").path("id").asString());

    String total = Long.toString(figures.path("ticketsTotal").asLong());
    List<Providers.Call> posts =
        providers
            .calls(Providers.DISCORD)
            .subList(discordBefore, providers.calls(Providers.DISCORD).size());
    assertThat(posts).extracting(Providers.Call::status).containsExactly(503, 204);
    assertThat(posts.get(1).body().path("content").asString()).contains(total);
    List<Providers.Call> toAdmin =
        providers.delivered(admin.email(), call -> call.content().contains(total));
    assertThat(toAdmin).as("the verified ADMIN gets the digest once").hasSize(1);
  }

  @Test
  void anEmailProviderFailingTwiceIsTriedThreeTimesWithOneKeyAndARefusalAlertsSlack()
      throws Exception {
    Account ada = api.signUp("flaky");
    String flaky = "Flaky provider " + ada.username();
    String refused = "Refused provider " + ada.username();
    SharedSystem.emailProvider()
        .stubFor(
            post(urlEqualTo(Providers.EMAILS))
                .withRequestBody(containing(flaky))
                .inScenario(flaky)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("failed once"));
    SharedSystem.emailProvider()
        .stubFor(
            post(urlEqualTo(Providers.EMAILS))
                .withRequestBody(containing(flaky))
                .inScenario(flaky)
                .whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("failed twice"));
    SharedSystem.emailProvider()
        .stubFor(
            post(urlEqualTo(Providers.EMAILS))
                .withRequestBody(containing(refused))
                .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"bad from\"}")));

    String flakyTicket = openTicket(ada, flaky, "low");
    String refusedTicket = openTicket(ada, refused, "low");

    providers.awaitEmail(ada.email(), flaky);
    List<Providers.Call> attempts =
        providers.emailsTo(ada.email()).stream()
            .filter(call -> call.content().contains(flaky))
            .toList();
    assertThat(attempts).extracting(Providers.Call::status).containsExactly(500, 500, 200);
    assertThat(attempts)
        .extracting(Providers.Call::idempotencyKey)
        .containsOnly(attempts.get(0).idempotencyKey());
    awaitRun("notification-service", "ticket-created", flakyTicket, "completed");

    JsonNode failed = awaitRun("notification-service", "ticket-created", refusedTicket, "failed");
    String runId = failed.path("id").asString();
    Providers.Call alert = providers.awaitCall(Providers.SLACK, runId);
    assertThat(alert.body().path("text").asString()).contains("ticket-created");
    assertThat(
            providers.emailsTo(ada.email()).stream()
                .filter(call -> call.content().contains(refused)))
        .as("a 400 is not retried")
        .hasSize(1);
  }

  @Test
  void theTicketCreatedConcurrencyLimitHoldsUnderABurstOfFifty() throws Exception {
    Account burst = api.signUp("burst");
    Duration hold = Duration.ofMillis(300);
    SharedSystem.emailProvider()
        .stubFor(
            post(urlEqualTo(Providers.EMAILS))
                .withRequestBody(containing(burst.email()))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withBody("{\"id\":\"slow\"}")
                        .withFixedDelay((int) hold.toMillis())));
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      titles.add("Burst " + i + " " + burst.username());
    }

    titles.parallelStream()
        .forEach(
            title -> {
              try {
                openTicket(burst, title, "low");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    await()
        .atMost(Duration.ofMinutes(3))
        .until(
            () ->
                providers.delivered(burst.email(), call -> call.content().contains("Burst ")).size()
                    >= 50);
    List<Instant> starts =
        providers.delivered(burst.email(), call -> call.content().contains("Burst ")).stream()
            .map(Providers.Call::at)
            .sorted()
            .toList();
    int most = 0;
    for (Instant start : starts) {
      Instant end = start.plus(hold);
      int overlapping =
          (int) starts.stream().filter(s -> !s.isBefore(start) && s.isBefore(end)).count();
      most = Math.max(most, overlapping);
    }
    assertThat(most).as("confirmations of one owner being sent at once").isBetween(2, 5);
  }

  // --- helpers ---

  private static String openTicket(Account owner, String title, String priority) throws Exception {
    Map<String, Object> ticket = new java.util.HashMap<>(Api.ticket(title));
    ticket.put("priority", priority);
    Http.Reply reply =
        api.call("POST", "/api/tickets").bearer(owner.accessToken()).json(ticket).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.text("/id");
  }

  private static void setPreference(Account account, String preference) throws Exception {
    Http.Reply reply =
        api.call("PATCH", "/api/account")
            .bearer(account.accessToken())
            .json(Map.of("notificationPreference", preference))
            .send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  private static Set<String> distinctKeys(String address, String text) {
    Set<String> keys = new HashSet<>();
    providers.delivered(address, call -> call.content().contains(text)).stream()
        .map(Providers.Call::idempotencyKey)
        .forEach(keys::add);
    return keys;
  }

  private static Http.Reply runs(String service, String function, Account caller) throws Exception {
    return Http.request(
            "GET",
            SharedSystem.system().url(service)
                + "/internal/runtime/runs?limit=50&function="
                + function)
        .bearer(caller.accessToken())
        .send();
  }

  private static JsonNode trigger(String service, String function) throws Exception {
    Http.Reply reply =
        Http.request(
                "POST",
                SharedSystem.system().url(service)
                    + "/internal/runtime/functions/"
                    + function
                    + "/trigger")
            .bearer(admin.accessToken())
            .send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(202);
    return reply.json();
  }

  private static JsonNode run(String service, String runId) throws Exception {
    Http.Reply reply =
        Http.request("GET", SharedSystem.system().url(service) + "/internal/runtime/runs/" + runId)
            .bearer(admin.accessToken())
            .send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }

  /** The runs of {@code function} whose event mentions {@code text} (any run when null). */
  private static List<JsonNode> runsMentioning(String service, String function, String text)
      throws Exception {
    Http.Reply reply = runs(service, function, admin);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode summary : reply.json().path("list")) {
      JsonNode run = run(service, summary.path("id").asString());
      if (text == null || run.path("event").toString().contains(text)) {
        found.add(run);
      }
    }
    return found;
  }

  private static JsonNode awaitRun(String service, String function, String text, String status)
      throws Exception {
    List<JsonNode> found = new ArrayList<>();
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              found.clear();
              runsMentioning(service, function, text).stream()
                  .filter(run -> status.equals(run.path("status").asString()))
                  .forEach(found::add);
              return !found.isEmpty();
            });
    return found.get(0);
  }

  private static void awaitRuns(String service, String function, String text, int atLeast) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                runsMentioning(service, function, text).stream()
                        .filter(run -> "completed".equals(run.path("status").asString()))
                        .count()
                    >= atLeast);
  }

  private static JsonNode awaitRunForUser(String function, Account user, String status)
      throws Exception {
    return awaitRun("notification-service", function, user.id(), status);
  }

  private static JsonNode awaitRunById(String service, String runId, String status) {
    await()
        .atMost(PATIENCE)
        .until(() -> status.equals(run(service, runId).path("status").asString()));
    try {
      return run(service, runId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The newest run of a notification-service function once it has {@code status}. */
  private static JsonNode awaitLatestRun(String function, String status) {
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              List<JsonNode> runs = runsMentioning("notification-service", function, null);
              return !runs.isEmpty() && status.equals(runs.get(0).path("status").asString());
            });
    try {
      return runsMentioning("notification-service", function, null).get(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> stepIds(JsonNode run) {
    return StreamSupport.stream(run.path("steps").spliterator(), false)
        .map(step -> step.path("id").asString())
        .toList();
  }

  /**
   * A direct count in a service's database: every row, or those created at or after {@code since}.
   */
  private static long count(String service, String table, Instant since) throws SQLException {
    String database = SharedSystem.system().database(service);
    try (Connection connection = SharedSystem.system().connectAs(database, database);
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM "
                    + table
                    + (since == null ? "" : " WHERE created_at >= ?"))) {
      if (since != null) {
        statement.setTimestamp(1, Timestamp.from(since));
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
