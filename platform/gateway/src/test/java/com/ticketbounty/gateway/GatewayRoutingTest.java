package com.ticketbounty.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in front of WireMocks standing in for identity-, ticket- and comment-service. */
@GatewayTest
class GatewayRoutingTest {
  private static final GatewayTestBed BED = GatewayTestBed.start("gateway_routing");
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /**
   * What the service gets: the caller's trace, continued by the gateway's own span (its proxied
   * request), sampled.
   */
  private static final String CONTINUED_TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01";

  private static final String TICKET_ID = "0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c";
  private static final String TICKET =
      """
      {"id":"0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c","title":"Fix the login page","bounty":5000}""";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
  }

  @Autowired WebTestClient client;
  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  @BeforeEach
  void answerEverythingDownstream() {
    // Anything that does reach a stand-in gets a 200, so a 404 below is the gateway's own.
    BED.resetServices();
  }

  static Stream<Arguments> publicApi() {
    String ticket = "/api/tickets/" + TICKET_ID;
    return Stream.of(
        Arguments.of(HttpMethod.POST, "/api/auth/sign-up", "identity"),
        Arguments.of(HttpMethod.POST, "/api/auth/password/reset", "identity"),
        Arguments.of(HttpMethod.GET, "/api/account", "identity"),
        Arguments.of(HttpMethod.PATCH, "/api/account", "identity"),
        Arguments.of(HttpMethod.PUT, "/api/account/password", "identity"),
        Arguments.of(HttpMethod.GET, "/.well-known/jwks.json", "identity"),
        Arguments.of(HttpMethod.GET, "/api/tickets?search=login&page=0", "ticket"),
        Arguments.of(HttpMethod.POST, "/api/tickets", "ticket"),
        Arguments.of(HttpMethod.GET, ticket, "ticket"),
        Arguments.of(HttpMethod.PUT, ticket + "/status", "ticket"),
        Arguments.of(HttpMethod.PUT, ticket + "/assignee", "ticket"),
        Arguments.of(HttpMethod.DELETE, ticket, "ticket"),
        Arguments.of(HttpMethod.GET, ticket + "/comments?limit=3", "comment"),
        Arguments.of(HttpMethod.POST, ticket + "/comments", "comment"),
        Arguments.of(HttpMethod.PATCH, "/api/comments/5d1c", "comment"),
        Arguments.of(HttpMethod.DELETE, "/api/comments/5d1c", "comment"));
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @MethodSource("publicApi")
  void routesEachPublicPathToItsService(HttpMethod method, String path, String service) {
    Map<String, WireMockServer> services =
        Map.of(
            "identity", BED.identityService,
            "ticket", BED.ticketService,
            "comment", BED.commentService);
    services.forEach(
        (name, server) ->
            server.stubFor(
                any(anyUrl())
                    .willReturn(aResponse().withStatus(200).withHeader("X-Served-By", name))));

    client
        .method(method)
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Served-By", service);

    services.forEach(
        (name, server) ->
            assertThat(server.getAllServeEvents())
                .as("requests reaching %s", name)
                .hasSize(name.equals(service) ? 1 : 0));
    LoggedRequest request = services.get(service).getAllServeEvents().get(0).getRequest();
    assertThat(request.getMethod().getName()).isEqualTo(method.name());
    assertThat(request.getUrl()).isEqualTo(path);
  }

  @Test
  void forwardsTicketPostWithBodyAndRelaysStatusLocationAndBody() {
    BED.ticketService.stubFor(
        post("/api/tickets")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader(HttpHeaders.LOCATION, "/api/tickets/0b9f2c1e")
                    .withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                    .withBody(TICKET)));
    String request = "{\"title\":\"Fix the login page\",\"bounty\":5000}";

    client
        .post()
        .uri("/api/tickets")
        .contentType(MediaType.APPLICATION_JSON)
        .header("traceparent", TRACEPARENT)
        .header("X-Forwarded-For", "203.0.113.66")
        .bodyValue(request)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueEquals(HttpHeaders.LOCATION, "/api/tickets/0b9f2c1e")
        .expectBody(String.class)
        .isEqualTo(TICKET);

    BED.ticketService.verify(
        1,
        postRequestedFor(urlEqualTo("/api/tickets"))
            .withRequestBody(equalToJson(request))
            .withHeader("traceparent", matching(CONTINUED_TRACEPARENT))
            .withHeader("X-Forwarded-For", equalTo("127.0.0.1")));
  }

  @Test
  void dropsIdentityHeadersAClientSendsButPassesTokenTraceAndIdempotencyKey() {
    String bearer = BED.identity.user("ada").bearer();
    List<String> identityHeaders =
        List.of(
            "X-User-Id",
            "x-user-role",
            "X-Auth-User",
            "X-AUTHENTICATED-USER",
            "X-Session-Id",
            "X-Caller-Id",
            "X-Forwarded-User",
            "X-Remote-User",
            "Remote-User");

    client
        .post()
        .uri("/api/tickets/" + TICKET_ID + "/comments")
        .headers(
            headers -> {
              identityHeaders.forEach(name -> headers.add(name, "grace-the-admin"));
              headers.set(HttpHeaders.AUTHORIZATION, bearer);
              headers.set("traceparent", TRACEPARENT);
              headers.set("tracestate", "vendor=abc");
              headers.set("Idempotency-Key", "retry-7f3a");
              headers.set("X-Forwarded-For", "203.0.113.66");
            })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"content\":\"Looks good\"}")
        .exchange()
        .expectStatus()
        .isOk();

    LoggedRequest received = BED.commentService.getAllServeEvents().get(0).getRequest();
    assertThat(received.getAllHeaderKeys())
        .noneMatch(name -> identityHeaders.stream().anyMatch(name::equalsIgnoreCase));
    assertThat(received.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer);
    assertThat(received.getHeader("traceparent")).matches(CONTINUED_TRACEPARENT);
    assertThat(received.getHeader("tracestate")).isEqualTo("vendor=abc");
    assertThat(received.getHeader("Idempotency-Key")).isEqualTo("retry-7f3a");
    assertThat(received.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
  }

  @Test
  void provesItselfToIdentityServiceOnlyAndNeverPassesOnAClientsProof() {
    String forged = "Bearer " + BED.identity.serviceBearer("gateway");
    for (String path : List.of("/api/auth/sign-in", "/api/tickets")) {
      client
          .post()
          .uri(path)
          .header("X-Gateway-Token", forged + "-from-a-client")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isOk();
    }

    LoggedRequest toIdentity = BED.identityService.getAllServeEvents().get(0).getRequest();
    assertThat(toIdentity.getHeader("X-Gateway-Token")).isEqualTo("Bearer " + BED.gatewayToken);
    LoggedRequest toTickets = BED.ticketService.getAllServeEvents().get(0).getRequest();
    assertThat(toTickets.containsHeader("X-Gateway-Token")).isFalse();
  }

  @Test
  void relaysProblemDetailsOfTicketServiceUnchanged() {
    String problem =
        """
        {"type":"about:blank","title":"Unprocessable Entity","status":422,\
        "detail":"The ticket breaks 1 rule.","errors":[{"field":"bounty","message":"must be at least 500 cents"}]}""";
    BED.ticketService.stubFor(
        post("/api/tickets")
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .withBody(problem)));

    client
        .post()
        .uri("/api/tickets")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"bounty\":1}")
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(String.class)
        .isEqualTo(problem);
  }

  @Test
  void forwardsReadOfOneTicket() {
    BED.ticketService.stubFor(
        get("/api/tickets/0b9f2c1e")
            .willReturn(
                aResponse()
                    .withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                    .withBody(TICKET)));

    client
        .get()
        .uri("/api/tickets/0b9f2c1e")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo(TICKET);
    BED.ticketService.verify(1, getRequestedFor(urlEqualTo("/api/tickets/0b9f2c1e")));
  }

  @Test
  void neverRoutesInternalPaths() {
    expectGatewayNotFound("/internal/runtime/functions");
    expectGatewayNotFound("/INTERNAL/runtime/functions");
    expectGatewayNotFound("/api/tickets/%2e%2e/%2e%2e/internal/runtime/functions");
    expectGatewayNotFound("/api/comments/%2e%2e/%2e%2e/internal/runtime/runs");

    assertThat(BED.requestsReachingServices()).isEmpty();
  }

  @Test
  void answersUnknownPathWithProblemDetails() {
    expectGatewayNotFound("/api/nothing-here");
    expectGatewayNotFound("/api/ticketsXYZ");
    expectGatewayNotFound("/api/accounts");
    // /api/ops/** is the gateway's own operations API now: GatewayOpsApiTest.

    assertThat(BED.requestsReachingServices()).isEmpty();
  }

  @Test
  void answersBadGatewayProblemWhenTicketServiceDropsTheConnection() {
    BED.ticketService.stubFor(
        post("/api/tickets").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    client
        .post()
        .uri("/api/tickets")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isEqualTo(502)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Bad Gateway");
  }

  @Test
  void servesItsOwnHealthOnTheManagementPortOnly() {
    client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + managementPort)
        .build()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
    assertThat(BED.requestsReachingServices()).isEmpty();
  }

  private void expectGatewayNotFound(String rawPath) {
    byte[] body =
        client
            .get()
            .uri(URI.create("http://127.0.0.1:" + port + rawPath))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(404)
            .jsonPath("$.title")
            .isEqualTo("Not Found")
            .jsonPath("$.detail")
            .isNotEmpty()
            .returnResult()
            .getResponseBody();
    assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("trace", "exception");
  }
}
