package com.ticketbounty.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.ticketbounty.systemtests.Api.Account;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The operations console in a real browser (issue 12, "It must show" 4): an administrator signs in,
 * opens a failed run, reads the failing step's error, replays it once the fault is gone and sees it
 * complete, and redrives a dead letter. Screenshots of the run list and the run page are saved
 * under {@code target/console/}. The console's page itself answers a non-admin 403 and anyone
 * without a token its sign-in page.
 */
@ExtendWith(SharedSystem.class)
class OperationsConsoleSystemTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String SERVICE = "notification-service";

  /** The event only the urgent-ticket function binds (UrgentTicketCreated). */
  private static final String URGENT_EVENT = "app/admin.urgent-ticket-created";

  private static Api api;
  private static Providers providers;
  private static Account admin;
  private static ConsoleBrowser browser;

  @BeforeAll
  static void signUpTheAdminAndOpenABrowser() throws Exception {
    api = SharedSystem.api();
    providers = SharedSystem.providers();
    admin = api.verify(api.signUp("console", SharedSystem.CONSOLE_EMAIL), providers);
    assertThat(admin.role()).isEqualTo("ADMIN");
    browser = ConsoleBrowser.open(SharedSystem.system().gateway());
    browser.signIn(admin.email(), Api.PASSWORD);
    browser.visible(By.id("sign-out"));
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aFailedRunShowsItsStepsErrorAndCompletesWhenReplayedAfterTheFaultIsRemoved()
      throws Exception {
    Account ada = api.signUp("consoleurgent");
    String title = "Console flood " + ada.username();
    StubMapping fault =
        SharedSystem.emailProvider()
            .stubFor(
                post(urlEqualTo(Providers.SLACK))
                    .withRequestBody(containing(title))
                    .willReturn(aResponse().withStatus(400).withBody("invalid_payload")));
    String runId;
    try {
      String ticketId = openUrgentTicket(ada, title);
      runId = awaitRun("urgent-ticket", ticketId, "failed");

      browser.page("/runs?service=" + SERVICE + "&function=urgent-ticket&status=failed");
      By row = By.cssSelector("tr[data-run-id='" + runId + "']");
      browser.visible(row);
      browser.screenshot("runs");
      browser.click(By.cssSelector("tr[data-run-id='" + runId + "'] a"));

      browser.awaitText(By.id("run-status"), "failed");
      String error =
          browser.awaitText(
              By.cssSelector("li[data-step-id='notify-admins'] .step-error"),
              "the slack provider answered 400");
      assertThat(error).contains("invalid_payload");
      assertThat(browser.visible(By.cssSelector("#run pre.json")).getText())
          .as("the run's event")
          .contains(ticketId);
      browser.screenshot("run-failed");
    } finally {
      SharedSystem.emailProvider().removeStub(fault);
    }

    browser.click(By.id("run-replay"));

    browser.awaitText(By.id("run-status"), "completed");
    browser.awaitText(By.cssSelector("li[data-step-id='notify-admins']"), "completed");
    browser.screenshot("run");
    assertThat(providers.awaitCall(Providers.SLACK, title).status()).isEqualTo(200);
    browser.page("/audit");
    browser.awaitText(By.id("audit"), "run.replayed");
    assertThat(browser.visible(By.id("audit")).getText()).contains(admin.id());
  }

  @Test
  void aDeadLetterIsRedrivenFromTheConsoleAndLeavesTheList() throws Exception {
    String messageId = UUID.randomUUID().toString();
    publishUndecodable(messageId);
    JsonNode letter = awaitDeadLetter(messageId, Optional.empty());
    String key = letter.path("service").asString() + "/" + letter.path("id").asString();

    browser.page("/dead-letters");
    By row = By.cssSelector("tr[data-dead-letter-id='" + key + "']");
    browser.awaitText(row, "body is not JSON");
    browser.screenshot("dead-letters");
    browser.click(By.cssSelector("tr[data-dead-letter-id='" + key + "'] button.redrive"));

    browser.awaitGone(row);
    browser.awaitText(By.id("notice"), "was sent back");
    // Sent back to its queue, the message is still not JSON: it dies again, as a new dead letter.
    JsonNode again = awaitDeadLetter(messageId, Optional.of(letter.path("id").asString()));
    assertThat(again.path("queue").asString()).isEqualTo(letter.path("queue").asString());
  }

  @Test
  void theConsolePageIsTheSignInPageWithoutATokenAndRefusedToANonAdmin() throws Exception {
    Account user = api.signUp("consoleuser");

    Http.Reply anonymous = api.call("GET", "/ops").send();
    Http.Reply nonAdmin = api.call("GET", "/ops").bearer(user.accessToken()).send();
    Http.Reply settings = api.call("GET", "/api/ops/settings").bearer(user.accessToken()).send();

    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.header("Content-Type")).startsWith("text/html");
    assertThat(anonymous.body()).contains("/ops/js/app.js");
    assertThat(anonymous.header("Content-Security-Policy")).isNotNull();
    assertThat(nonAdmin.status()).as("%s", nonAdmin).isEqualTo(403);
    assertThat(settings.status()).as("%s", settings).isEqualTo(403);
    assertThat(api.call("GET", "/api/ops/settings").send().status()).isEqualTo(401);
  }

  @Test
  void aNonAdminSigningInToTheConsoleIsToldItIsNoAdministrator() throws Exception {
    Account user = api.signUp("consolenon");
    try (ConsoleBrowser other = ConsoleBrowser.open(SharedSystem.system().gateway())) {
      other.signIn(user.email(), Api.PASSWORD);

      other.awaitText(By.id("sign-in-errors"), "not an administrator");
    }
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

  /**
   * The id of the run of {@code function} whose event names {@code text}, once in {@code status}.
   */
  private static String awaitRun(String function, String text, String status) {
    String[] found = new String[1];
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              Http.Reply runs =
                  ops("GET", "/api/ops/runs?service=" + SERVICE + "&function=" + function);
              for (JsonNode run : runs.json().path("list")) {
                if (!status.equals(run.path("status").asString())) {
                  continue;
                }
                String id = run.path("id").asString();
                Http.Reply detail = ops("GET", "/api/ops/runs/" + SERVICE + "/" + id);
                if (detail.json().path("event").toString().contains(text)) {
                  found[0] = id;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  /** The dead letter of {@code messageId} (other than {@code not}), once the store holds it. */
  private static JsonNode awaitDeadLetter(String messageId, Optional<String> not) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              Http.Reply letters = ops("GET", "/api/ops/dead-letters");
              assertThat(letters.status()).as("%s", letters).isEqualTo(200);
              found[0] =
                  StreamSupport.stream(letters.json().path("list").spliterator(), false)
                      .filter(letter -> messageId.equals(letter.path("messageId").asString()))
                      .filter(letter -> !not.equals(Optional.of(letter.path("id").asString())))
                      .findFirst()
                      .orElse(null);
              return found[0] != null;
            });
    return found[0];
  }

  private static Http.Reply ops(String method, String path) throws Exception {
    return api.call(method, path).bearer(admin.accessToken()).send();
  }

  /** A message no function can decode, on the test system's own events exchange. */
  private static void publishUndecodable(String messageId) throws Exception {
    String exchange = SharedSystem.system().instance() + ".events";
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .messageId(messageId)
            .type(URGENT_EVENT)
            .contentType("application/json")
            .deliveryMode(2)
            .build();
    try (Connection connection = new TestRabbit().connectionFactory().newConnection();
        Channel channel = connection.createChannel()) {
      channel.confirmSelect();
      channel.basicPublish(
          exchange,
          URGENT_EVENT,
          true,
          properties,
          ("this is not JSON " + messageId).getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(10_000);
    }
  }
}
