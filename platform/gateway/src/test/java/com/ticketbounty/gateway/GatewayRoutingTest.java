package com.ticketbounty.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in front of a WireMock standing in for ticket-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTest {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String TICKET =
      """
      {"id":"0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c","title":"Fix the login page","bounty":5000}""";

  @RegisterExtension
  static final WireMockExtension ticketService =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void route(DynamicPropertyRegistry registry) {
    registry.add("TICKET_SERVICE_URL", ticketService::baseUrl);
  }

  @Autowired WebTestClient client;
  @LocalServerPort int port;

  @BeforeEach
  void answerEverythingDownstream() {
    // Anything that does reach the stand-in gets a 200, so a 404 below is the gateway's own.
    ticketService.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
  }

  @Test
  void forwardsTicketPostWithBodyAndRelaysStatusLocationAndBody() {
    ticketService.stubFor(
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

    ticketService.verify(
        1,
        postRequestedFor(urlEqualTo("/api/tickets"))
            .withRequestBody(equalToJson(request))
            .withHeader("traceparent", equalTo(TRACEPARENT))
            .withHeader("X-Forwarded-For", equalTo("127.0.0.1")));
  }

  @Test
  void relaysProblemDetailsOfTicketServiceUnchanged() {
    String problem =
        """
        {"type":"about:blank","title":"Unprocessable Entity","status":422,\
        "detail":"The ticket breaks 1 rule.","errors":[{"field":"bounty","message":"must be at least 500 cents"}]}""";
    ticketService.stubFor(
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
    ticketService.stubFor(
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
    ticketService.verify(1, getRequestedFor(urlEqualTo("/api/tickets/0b9f2c1e")));
  }

  @Test
  void neverRoutesInternalPaths() {
    expectGatewayNotFound("/internal/runtime/functions");
    expectGatewayNotFound("/INTERNAL/runtime/functions");
    expectGatewayNotFound("/api/tickets/%2e%2e/%2e%2e/internal/runtime/functions");

    ticketService.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void answersUnknownPathWithProblemDetails() {
    expectGatewayNotFound("/api/nothing-here");
    expectGatewayNotFound("/api/ticketsXYZ");

    ticketService.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void answersBadGatewayProblemWhenTicketServiceDropsTheConnection() {
    ticketService.stubFor(
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
  void servesItsOwnHealth() {
    client
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
    ticketService.verify(0, anyRequestedFor(anyUrl()));
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
