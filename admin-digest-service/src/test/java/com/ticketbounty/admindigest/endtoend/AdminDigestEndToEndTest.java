package com.ticketbounty.admindigest.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.ticketbounty.admindigest.AdminDigestServiceApplication;
import com.ticketbounty.events.digest.AdminDigestReady;
import com.ticketbounty.testsupport.EventTap;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestRabbit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on the machine's PostgreSQL and RabbitMQ (a database and a broker prefix of its
 * own), with WireMock as identity's token endpoint and the three services' count endpoints: a cron
 * run, started as an operator starts one (the operations API's trigger, which runs the tick "now"),
 * counts at the owners and publishes {@code app/admin-digest.ready} to the exchange; with
 * ticket-service failing, its count step is retried by the runtime until it answers.
 */
class AdminDigestEndToEndTest {
  private static final TestDatabase DATABASE = TestDatabase.create("admin_digest_e2e");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final TestIdentity IDENTITY = TestIdentity.start();
  private static final String EXCHANGE = RABBIT.prefix() + "events";
  private static final String SESSION_ENDED =
      RABBIT.prefix() + "admin-digest-service.session-ended";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String TICKETS = "/internal/tickets/count";
  private static final String ACCOUNTS = "/internal/identity/accounts/count";
  private static final String COMMENTS = "/internal/comments/count";
  private static final String SERVICE_TOKEN = "admin-digest-service-token";
  private static final JsonMapper JSON = JsonMapper.shared();

  @RegisterExtension
  static final WireMockExtension SERVICES =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static ConfigurableApplicationContext service;
  private static EventTap tap;

  /**
   * Started by hand rather than through {@code @SpringBootTest}, so that it is certainly stopped
   * before its queues and database are removed in {@link #stopAndCleanUp()}.
   */
  @BeforeAll
  static void startService() {
    tap = EventTap.open(RABBIT, List.of(AdminDigestReady.NAME));
    service =
        start(
            "--IDENTITY_SERVICE_URL=" + SERVICES.baseUrl(),
            "--TICKET_SERVICE_URL=" + SERVICES.baseUrl(),
            "--COMMENT_SERVICE_URL=" + SERVICES.baseUrl(),
            "--ADMIN_DIGEST_SERVICE_CLIENT_SECRET=end-to-end-secret",
            // A failing count comes back within a second, not within minutes.
            "--admin-digest.calls.backoff=10ms",
            "--admin-digest.steps.initial-delay=300ms",
            "--admin-digest.steps.max-delay=1s",
            "--admin-digest.circuit-breaker.open-for=1s");
  }

  /** The service on this test's database, broker prefix and identity, with {@code settings}. */
  private static ConfigurableApplicationContext start(String... settings) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + DATABASE.jdbcUrl(),
                "--spring.datasource.username=" + DATABASE.user(),
                "--event-runtime.name-prefix=" + RABBIT.prefix(),
                "--event-runtime.rabbitmq.host=" + RABBIT.host(),
                "--event-runtime.rabbitmq.port=" + RABBIT.port(),
                "--ticketbounty.security.jwks-uri=" + IDENTITY.jwksUri()));
    arguments.addAll(List.of(settings));
    return new SpringApplicationBuilder(AdminDigestServiceApplication.class)
        .main(AdminDigestServiceApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  @BeforeEach
  void ownersAnswer() {
    SERVICES.resetAll();
    SERVICES.stubFor(
        post("/oauth2/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":900}"
                        .formatted(SERVICE_TOKEN))));
    SERVICES.stubFor(counting(TICKETS, 120, 14));
    SERVICES.stubFor(counting(ACCOUNTS, 45, 6));
    SERVICES.stubFor(counting(COMMENTS, 380, 51));
  }

  @AfterAll
  static void stopAndCleanUp() throws Exception {
    try {
      if (service != null) {
        service.close();
      }
      if (tap != null) {
        tap.close();
      }
      RABBIT.delete(
          List.of(SESSION_ENDED, SESSION_ENDED + ".dlq"), List.of(EXCHANGE, EXCHANGE + ".dlx"));
    } finally {
      IDENTITY.close();
      DATABASE.close();
    }
  }

  @Test
  void aScheduleThatIsNoCronExpressionStopsTheStartUpSayingWhy() {
    assertThatThrownBy(
            () ->
                start(
                        "--ADMIN_DIGEST_SERVICE_CLIENT_SECRET=end-to-end-secret",
                        "--admin-digest.schedule=every minute")
                    .close())
        .hasStackTraceContaining("invalid cron expression 'every minute'");
  }

  @Test
  void aCronRunPublishesTheFiguresOfTheWeekBeforeItsTick() {
    String runId = trigger();
    Instant tick = tickOf(runId);

    EventTap.Received ready =
        tap.awaitOne(AdminDigestReady.NAME, EventTap.field("periodEnd", tick), PATIENCE);

    Instant since = tick.minus(Duration.ofDays(7));
    JsonNode data = ready.data();
    assertThat(data.path("periodStart").asString()).isEqualTo(since.toString());
    assertThat(data.path("ticketsTotal").asLong()).isEqualTo(120);
    assertThat(data.path("ticketsLastSevenDays").asLong()).isEqualTo(14);
    assertThat(data.path("usersTotal").asLong()).isEqualTo(45);
    assertThat(data.path("usersLastSevenDays").asLong()).isEqualTo(6);
    assertThat(data.path("commentsTotal").asLong()).isEqualTo(380);
    assertThat(data.path("commentsLastSevenDays").asLong()).isEqualTo(51);
    assertThat(ready.properties().getType()).isEqualTo(AdminDigestReady.NAME);
    for (String path : List.of(TICKETS, ACCOUNTS, COMMENTS)) {
      SERVICES.verify(
          1,
          getRequestedFor(urlPathEqualTo(path))
              .withQueryParam("since", equalTo(since.toString()))
              .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN)));
    }
    SERVICES.verify(postRequestedFor(urlEqualTo("/oauth2/token")));
    await().atMost(PATIENCE).until(() -> status(runId).equals("completed"));
  }

  @Test
  void aCountRetriedWhileTicketServiceFailsCompletesTheDigestOnceItAnswers() {
    SERVICES.stubFor(
        get(urlPathEqualTo(TICKETS)).atPriority(1).willReturn(aResponse().withStatus(503)));
    String runId = trigger();
    Instant since = tickOf(runId).minus(Duration.ofDays(7));

    // The runtime has tried the step again, after its first attempt's calls all failed.
    await().atMost(PATIENCE).until(() -> attemptsOf(runId, "count-tickets") >= 2);
    assertThat(status(runId)).isNotEqualTo("completed");
    SERVICES.stubFor(
        counting(TICKETS, 121, 15)
            .atPriority(1)
            .withQueryParam("since", equalTo(since.toString())));

    EventTap.Received ready =
        tap.awaitOne(AdminDigestReady.NAME, EventTap.field("periodStart", since), PATIENCE);
    assertThat(ready.data().path("ticketsTotal").asLong()).isEqualTo(121);
    assertThat(ready.data().path("usersTotal").asLong()).isEqualTo(45);
    assertThat(ready.data().path("commentsTotal").asLong()).isEqualTo(380);
    // The counts that had answered were recorded at once and never asked again.
    SERVICES.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    SERVICES.verify(1, getRequestedFor(urlPathEqualTo(COMMENTS)));
    await().atMost(PATIENCE).until(() -> status(runId).equals("completed"));
    assertThat(tap.all(AdminDigestReady.NAME, EventTap.field("periodStart", since))).hasSize(1);
  }

  @Test
  void listsItsCronFunctionToAnAdministratorOnly() {
    JsonNode functions =
        operations(IDENTITY.admin("operator").bearer())
            .get()
            .uri("/internal/runtime/functions")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(functions).isNotNull();
    assertThat(functions.toString())
        .contains("\"id\":\"prepare-admin-digest\"")
        .contains("\"cron\":\"0 0 * * *\"");

    expectRunsStatus(IDENTITY.user("ada").bearer(), 403);
    expectRunsStatus(IDENTITY.serviceBearer("comment-service"), 403);
    expectRunsStatus(null, 401);
  }

  @Test
  void reportsItselfHealthyOnTheManagementPortOnly() {
    operations(null).get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    WebTestClient.bindToServer()
        .baseUrl(
            "http://127.0.0.1:"
                + service.getEnvironment().getRequiredProperty("local.management.port"))
        .build()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  /** Starts a run of the cron function now, as an operator would; answers its id. */
  private static String trigger() {
    JsonNode started =
        operations(IDENTITY.admin("operator").bearer())
            .post()
            .uri("/internal/runtime/functions/prepare-admin-digest/trigger")
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(started).isNotNull();
    return started.path("runId").asString();
  }

  private static JsonNode run(String runId) {
    JsonNode run =
        operations(IDENTITY.admin("operator").bearer())
            .get()
            .uri("/internal/runtime/runs/{id}", UUID.fromString(runId))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(run).isNotNull();
    return run;
  }

  private static Instant tickOf(String runId) {
    return Instant.parse(run(runId).path("event").path("data").path("tick").asString());
  }

  private static String status(String runId) {
    return run(runId).path("status").asString();
  }

  private static int attemptsOf(String runId, String step) {
    for (JsonNode each : run(runId).path("steps")) {
      if (each.path("id").asString().equals(step)) {
        return each.path("attempts").asInt();
      }
    }
    return 0;
  }

  private static void expectRunsStatus(@Nullable String bearer, int status) {
    operations(bearer)
        .get()
        .uri("/internal/runtime/runs")
        .exchange()
        .expectStatus()
        .isEqualTo(status);
  }

  private static WebTestClient operations(@Nullable String bearer) {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))
        .responseTimeout(Duration.ofSeconds(20))
        .defaultHeaders(
            headers -> {
              if (bearer != null) {
                headers.set("Authorization", bearer);
              }
            })
        .build();
  }

  private static MappingBuilder counting(String path, long total, long createdSince) {
    return get(urlPathEqualTo(path))
        .willReturn(
            okJson(
                "{\"total\":%d,\"createdSince\":%d,\"since\":\"%s\"}"
                    .formatted(total, createdSince, Instant.EPOCH)));
  }
}
