package com.ticketbounty.gateway.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.ticketbounty.gateway.GatewayApplication;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestRabbit;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /api/ops/**} over five WireMock services: merged lists (each item naming its service,
 * newest first, limited after merging), a service that is down or slow named in {@code
 * unavailable}, per-item calls to the one named service with its problem passed on, the ADMIN gate,
 * and paths that try to reach another internal path.
 */
@SpringBootTest(
    classes = GatewayApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class GatewayOpsApiTest {
  private static final String RUNS = "/internal/runtime/runs";
  private static final TestDatabase DATABASE = TestDatabase.create("gateway_ops");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final TestIdentity IDENTITY = TestIdentity.start();
  private static final WireMockServer IDENTITY_SERVICE = started();
  private static final WireMockServer TICKETS = started();
  private static final WireMockServer COMMENTS = started();
  private static final WireMockServer NOTIFICATIONS = started();
  private static final WireMockServer DIGEST = started();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("event-runtime.name-prefix", RABBIT::prefix);
    registry.add("ticketbounty.security.jwks-uri", IDENTITY::jwksUri);
    registry.add("IDENTITY_SERVICE_URL", IDENTITY_SERVICE::baseUrl);
    registry.add("TICKET_SERVICE_URL", TICKETS::baseUrl);
    registry.add("COMMENT_SERVICE_URL", COMMENTS::baseUrl);
    registry.add("NOTIFICATION_SERVICE_URL", NOTIFICATIONS::baseUrl);
    registry.add("ADMIN_DIGEST_SERVICE_URL", DIGEST::baseUrl);
    registry.add("gateway.ops.timeout", () -> "2s");
  }

  @AfterAll
  static void cleanUp() {
    services().forEach(WireMockServer::stop);
    IDENTITY.close();
    String queue = RABBIT.prefix() + "gateway.session-ended";
    RABBIT.delete(
        List.of(queue, queue + ".dlq"),
        List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Autowired WebTestClient client;
  @LocalServerPort int port;
  private final String admin = IDENTITY.admin("root").bearer();

  @BeforeEach
  void reset() {
    // The first call of a fresh gateway fetches keys and warms its clients: on a busy machine that
    // takes longer than WebTestClient's default 5 s.
    client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    // Unless a test says otherwise a service has no such list (404), like one without functions.
    services()
        .forEach(
            service -> {
              service.resetAll();
              service.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
            });
  }

  @Test
  void mergesRunsNewestFirstLimitsAfterMergingAndNamesServicesThatDidNotAnswer() {
    TICKETS.stubFor(
        get(urlPathEqualTo(RUNS))
            .willReturn(
                okJson(
                    runs(
                        run("t-new", "2026-11-27T10:00:03Z"),
                        run("t-old", "2026-11-27T10:00:00Z")))));
    NOTIFICATIONS.stubFor(
        get(urlPathEqualTo(RUNS))
            .willReturn(okJson(runs(run("n-mid", "2026-11-27T10:00:01.500Z")))));
    COMMENTS.stubFor(get(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(503)));
    DIGEST.stubFor(get(urlPathEqualTo(RUNS)).willReturn(okJson(runs()).withFixedDelay(6_000)));

    client
        .get()
        .uri("/api/ops/runs?function=urgent-ticket&status=failed&limit=2&ignored=x")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list[*].id")
        .isEqualTo(List.of("t-new", "n-mid"))
        .jsonPath("$.list[*].service")
        .isEqualTo(List.of("ticket-service", "notification-service"))
        .jsonPath("$.metadata.count")
        .isEqualTo(2)
        .jsonPath("$.metadata.hasMore")
        .isEqualTo(true)
        .jsonPath("$.metadata.unavailable[*].service")
        .isEqualTo(List.of("comment-service", "admin-digest-service"))
        .jsonPath("$.metadata.unavailable[0].reason")
        .isEqualTo("answered 503");

    // Filters and the caller's token went on; nothing the gateway does not know did.
    TICKETS.verify(
        getRequestedFor(urlEqualTo(RUNS + "?function=urgent-ticket&status=failed&limit=2"))
            .withHeader(HttpHeaders.AUTHORIZATION, equalTo(admin)));
  }

  @Test
  void aServiceFilterAsksThatServiceAloneAndAnUnknownOneIsABadRequest() {
    NOTIFICATIONS.stubFor(
        get(urlPathEqualTo("/internal/runtime/audit"))
            .willReturn(
                okJson(
                    "{\"list\":[{\"id\":7,\"at\":\"2026-11-27T10:00:00Z\",\"action\":\"run.replayed\"}]}")));

    client
        .get()
        .uri("/api/ops/audit?service=notification-service")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list[0].service")
        .isEqualTo("notification-service")
        .jsonPath("$.metadata.unavailable.length()")
        .isEqualTo(0);
    assertThat(Stream.of(TICKETS, COMMENTS, DIGEST, IDENTITY_SERVICE))
        .allSatisfy(service -> assertThat(service.getAllServeEvents()).isEmpty());

    client
        .get()
        .uri("/api/ops/runs?service=nowhere")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("service");
  }

  @Test
  void mergesTheAuditOfEveryServiceNewestFirst() {
    TICKETS.stubFor(
        get(urlPathEqualTo("/internal/runtime/audit"))
            .willReturn(
                okJson(
                    "{\"list\":[{\"id\":1,\"at\":\"2026-11-27T10:00:00Z\",\"action\":\"event.sent\"}]}")));
    NOTIFICATIONS.stubFor(
        get(urlPathEqualTo("/internal/runtime/audit"))
            .willReturn(
                okJson(
                    "{\"list\":[{\"id\":2,\"at\":\"2026-11-27T11:00:00Z\",\"action\":\"run.replayed\"}]}")));

    client
        .get()
        .uri("/api/ops/audit?since=2026-11-27T00:00:00Z")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list[*].action")
        .isEqualTo(List.of("run.replayed", "event.sent"));
    NOTIFICATIONS.verify(
        getRequestedFor(urlPathEqualTo("/internal/runtime/audit"))
            .withQueryParam("since", equalTo("2026-11-27T00:00:00Z"))
            .withQueryParam("limit", equalTo("100")));
  }

  @Test
  void mergesTheBareFunctionListsAndTheDeadLetters() {
    TICKETS.stubFor(
        get(urlPathEqualTo("/internal/runtime/functions"))
            .willReturn(okJson("[{\"id\":\"a\",\"triggers\":[]}]")));
    NOTIFICATIONS.stubFor(
        get(urlPathEqualTo("/internal/runtime/functions"))
            .willReturn(okJson("[{\"id\":\"b\",\"triggers\":[]},{\"id\":\"c\",\"triggers\":[]}]")));
    DIGEST.stubFor(
        get(urlPathEqualTo("/internal/runtime/dead-letters"))
            .willReturn(
                okJson(
                    "{\"list\":[{\"id\":4,\"queue\":\"q\",\"reason\":\"r\","
                        + "\"deadLetteredAt\":\"2026-11-27T10:00:00Z\"}]}")));

    client
        .get()
        .uri("/api/ops/functions")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list[*].id")
        .isEqualTo(List.of("a", "b", "c"))
        .jsonPath("$.list[*].service")
        .isEqualTo(List.of("ticket-service", "notification-service", "notification-service"));
    client
        .get()
        .uri("/api/ops/dead-letters")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list[0].service")
        .isEqualTo("admin-digest-service")
        .jsonPath("$.list[0].id")
        .isEqualTo(4);
  }

  @Test
  void aPerItemCallGoesToTheNamedServiceAndItsProblemIsPassedOn() {
    String runId = "0193a1b2-0000-7000-8000-000000000001";
    TICKETS.stubFor(
        post(urlEqualTo(RUNS + "/" + runId + "/replay"))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                            + "\"detail\":\"Run cannot be replayed in its present status.\","
                            + "\"instance\":\"/internal/runtime/runs/x/replay\"}")));
    NOTIFICATIONS.stubFor(
        post(urlEqualTo(RUNS + "/" + runId + "/cancel"))
            .willReturn(okJson("{\"id\":\"" + runId + "\",\"cancelled\":true}")));

    client
        .post()
        .uri("/api/ops/runs/ticket-service/" + runId + "/replay")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Run cannot be replayed in its present status.")
        .jsonPath("$.instance")
        .isEqualTo("/api/ops/runs/ticket-service/" + runId + "/replay");
    client
        .post()
        .uri("/api/ops/runs/notification-service/" + runId + "/cancel")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cancelled")
        .isEqualTo(true)
        .jsonPath("$.service")
        .isEqualTo("notification-service");
    assertThat(COMMENTS.getAllServeEvents()).isEmpty();
    TICKETS.verify(
        postRequestedFor(urlEqualTo(RUNS + "/" + runId + "/replay"))
            .withHeader(HttpHeaders.AUTHORIZATION, equalTo(admin)));
  }

  @Test
  void aServiceThatIsDownForAPerItemCallIsABadGatewayProblemNamingIt() {
    TICKETS.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));

    client
        .post()
        .uri("/api/ops/functions/ticket-service/nightly-digest/trigger")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isEqualTo(502)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("ticket-service"));
  }

  @Test
  void unknownServicesAndIdsThatAreNoIdsAreNotFoundWithoutAskingAnyService() {
    for (String path :
        List.of(
            "/api/ops/runs/nowhere/0193a1b2-0000-7000-8000-000000000001",
            "/api/ops/runs/ticket-service/not-a-uuid",
            "/api/ops/runs/ticket-service/not-a-uuid/replay",
            "/api/ops/dead-letters/ticket-service/abc/redrive",
            "/api/ops/functions/nowhere/f/trigger",
            "/api/ops/no-such-call")) {
      HttpMethod method =
          path.endsWith("redrive") || path.endsWith("trigger") || path.endsWith("replay")
              ? HttpMethod.POST
              : HttpMethod.GET;
      client
          .method(method)
          .uri(path)
          .header(HttpHeaders.AUTHORIZATION, admin)
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(services()).allSatisfy(s -> assertThat(s.getAllServeEvents()).isEmpty());
  }

  @Test
  void encodedPathsNeverReachAnotherInternalPath() {
    for (String path :
        List.of(
            "/api/ops/..%2F..%2Finternal/runtime/runs",
            "/api/ops/runs/ticket-service/..%2F..%2Fdead-letters",
            "/api/ops/runs/ticket-service%2F..%2F..%2Fnotifications/x",
            "/api/ops/runs/ticket-service/%2e%2e/replay",
            "/api/ops/functions/ticket-service/..%2F..%2Fevents/trigger",
            "/api/ops/functions/ticket-service/%2e%2e/trigger",
            "/api/ops/dead-letters/ticket-service/1%2F..%2F..%2Fevents/redrive",
            "/internal/runtime/runs",
            "/api/ops/../../internal/runtime/runs")) {
      HttpMethod method =
          path.contains("/trigger") || path.contains("/redrive") || path.endsWith("/replay")
              ? HttpMethod.POST
              : HttpMethod.GET;
      int status =
          client
              .method(method)
              .uri(URI.create("http://localhost:" + port + path))
              .header(HttpHeaders.AUTHORIZATION, admin)
              .exchange()
              .returnResult(byte[].class)
              .getStatus()
              .value();
      assertThat(status).as(path).isIn(400, 404);
    }
    assertThat(services()).allSatisfy(s -> assertThat(s.getAllServeEvents()).isEmpty());
  }

  @Test
  void anEventIsPublishedOnceThroughTheDefaultServiceOrTheOneNamed() {
    TICKETS.stubFor(
        post(urlEqualTo("/internal/runtime/events"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"e-1\",\"name\":\"app/x.y\"}")));
    COMMENTS.stubFor(
        post(urlEqualTo("/internal/runtime/events"))
            .willReturn(okJson("{\"id\":\"e-2\",\"name\":\"app/x.y\"}").withStatus(202)));

    client
        .post()
        .uri("/api/ops/events")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "app/x.y", "data", Map.of("a", 1)))
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("ticket-service");
    client
        .post()
        .uri("/api/ops/events")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "app/x.y", "data", Map.of(), "service", "comment-service"))
        .exchange()
        .expectStatus()
        .isAccepted();

    TICKETS.verify(
        1,
        postRequestedFor(urlEqualTo("/internal/runtime/events"))
            .withRequestBody(equalToJson("{\"name\":\"app/x.y\",\"data\":{\"a\":1}}")));
    COMMENTS.verify(
        1,
        postRequestedFor(urlEqualTo("/internal/runtime/events"))
            .withRequestBody(equalToJson("{\"name\":\"app/x.y\",\"data\":{}}")));
    assertThat(Stream.of(NOTIFICATIONS, DIGEST, IDENTITY_SERVICE))
        .allSatisfy(service -> assertThat(service.getAllServeEvents()).isEmpty());
  }

  @Test
  void badInputIsAProblemNeverA5xx() {
    client
        .post()
        .uri("/api/ops/events")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\": ")
        .exchange()
        .expectStatus()
        .isBadRequest();
    client
        .post()
        .uri("/api/ops/runs/replay")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("[1]")
        .exchange()
        .expectStatus()
        .isBadRequest();
    client
        .post()
        .uri("/api/ops/events")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "app/x.y", "data", Map.of(), "service", "nowhere"))
        .exchange()
        .expectStatus()
        .isEqualTo(422);
    for (String limit : List.of("0", "1001", "x", "-1")) {
      client
          .get()
          .uri("/api/ops/runs?limit=" + limit)
          .header(HttpHeaders.AUTHORIZATION, admin)
          .exchange()
          .expectStatus()
          .isBadRequest();
    }
    assertThat(services()).allSatisfy(s -> assertThat(s.getAllServeEvents()).isEmpty());
  }

  @Test
  void bulkReplayAsksEveryServiceAndAddsUpWhatWasReplayed() {
    TICKETS.stubFor(post(urlEqualTo(RUNS + "/replay")).willReturn(okJson("{\"replayed\":2}")));
    NOTIFICATIONS.stubFor(
        post(urlEqualTo(RUNS + "/replay")).willReturn(okJson("{\"replayed\":3}")));
    COMMENTS.stubFor(post(urlEqualTo(RUNS + "/replay")).willReturn(aResponse().withStatus(502)));

    client
        .post()
        .uri("/api/ops/runs/replay")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("function", "urgent-ticket"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.replayed")
        .isEqualTo(5)
        .jsonPath("$.list[*].service")
        .isEqualTo(List.of("ticket-service", "notification-service"))
        .jsonPath("$.metadata.unavailable[0].service")
        .isEqualTo("comment-service");
    TICKETS.verify(
        postRequestedFor(urlEqualTo(RUNS + "/replay"))
            .withRequestBody(equalToJson("{\"function\":\"urgent-ticket\"}")));
  }

  @Test
  void theEmailsComeFromTheSinkAPageAtATime() {
    NOTIFICATIONS.stubFor(
        get(urlPathEqualTo("/internal/notifications/emails"))
            .willReturn(okJson("{\"list\":[{\"to\":\"a@b.c\"}],\"metadata\":{}}")));

    client
        .get()
        .uri("/api/ops/emails?limit=5&before=abc&other=x")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list[0].to")
        .isEqualTo("a@b.c");
    NOTIFICATIONS.verify(
        getRequestedFor(urlEqualTo("/internal/notifications/emails?limit=5&before=abc")));
  }

  @Test
  void onlyAnAdministratorGetsInAndAnonymousIsUnauthorized() {
    String user = IDENTITY.user("ada").bearer();
    String service = IDENTITY.serviceBearer("ticket-service");
    String runPath = "/api/ops/runs/ticket-service/0193a1b2-0000-7000-8000-000000000001";
    List<Map.Entry<HttpMethod, String>> calls =
        List.of(
            Map.entry(HttpMethod.GET, "/api/ops/functions"),
            Map.entry(HttpMethod.GET, "/api/ops/runs"),
            Map.entry(HttpMethod.GET, runPath),
            Map.entry(HttpMethod.POST, runPath + "/replay"),
            Map.entry(HttpMethod.POST, "/api/ops/runs/replay"),
            Map.entry(HttpMethod.POST, runPath + "/cancel"),
            Map.entry(HttpMethod.GET, "/api/ops/dead-letters"),
            Map.entry(HttpMethod.POST, "/api/ops/dead-letters/ticket-service/1/redrive"),
            Map.entry(HttpMethod.POST, "/api/ops/events"),
            Map.entry(HttpMethod.POST, "/api/ops/functions/ticket-service/f/trigger"),
            Map.entry(HttpMethod.GET, "/api/ops/emails"),
            Map.entry(HttpMethod.GET, "/api/ops/audit"),
            Map.entry(HttpMethod.GET, "/api/ops/no-such-call"));
    for (Map.Entry<HttpMethod, String> call : calls) {
      client
          .method(call.getKey())
          .uri(call.getValue())
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
      for (String other : List.of(user, service)) {
        client
            .method(call.getKey())
            .uri(call.getValue())
            .header(HttpHeaders.AUTHORIZATION, other)
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
      }
      client
          .method(call.getKey())
          .uri(call.getValue())
          .header(HttpHeaders.AUTHORIZATION, IDENTITY.forgedBearer(IDENTITY.admin("eve")))
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
    assertThat(services()).allSatisfy(s -> assertThat(s.getAllServeEvents()).isEmpty());
  }

  @Test
  void theConsolePagesAreOpenWithoutATokenAndClosedToAnyoneButAnAdministrator() {
    // Without a token, and with an admin's, the request passes the gate and gets the page.
    client.get().uri("/ops").exchange().expectStatus().isOk();
    client
        .get()
        .uri("/ops/index.html")
        .header(HttpHeaders.AUTHORIZATION, admin)
        .exchange()
        .expectStatus()
        .isOk();
    for (String path : List.of("/ops", "/ops/index.html", "/OPS/app.js")) {
      client
          .get()
          .uri(path)
          .header(HttpHeaders.AUTHORIZATION, IDENTITY.user("bob").bearer())
          .exchange()
          .expectStatus()
          .isForbidden();
      client
          .get()
          .uri(path)
          .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
  }

  private static String runs(String... runs) {
    return "{\"list\":["
        + String.join(",", runs)
        + "],\"metadata\":{\"count\":"
        + runs.length
        + "}}";
  }

  private static String run(String id, String createdAt) {
    return "{\"id\":\"%s\",\"function\":\"urgent-ticket\",\"status\":\"failed\",\"createdAt\":\"%s\"}"
        .formatted(id, createdAt);
  }

  private static Stream<WireMockServer> services() {
    return Stream.of(IDENTITY_SERVICE, TICKETS, COMMENTS, NOTIFICATIONS, DIGEST);
  }

  private static WireMockServer started() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    return server;
  }
}
