package com.ticketbounty.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** CORS for the frontend origins of {@code CORS_ALLOWED_ORIGINS}, answered by the gateway. */
@GatewayTest
class GatewayCorsTest {
  private static final GatewayTestBed BED = GatewayTestBed.start("gateway_cors");
  private static final String FRONTEND = "https://app.example.com";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
    registry.add("CORS_ALLOWED_ORIGINS", () -> "http://localhost:3000, " + FRONTEND);
  }

  @Autowired WebTestClient client;

  @BeforeEach
  void answerEverythingDownstream() {
    BED.resetServices();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:3000", FRONTEND})
  void answersThePreflightOfAnAllowedOriginItself(String origin) {
    preflight(origin, "POST", "authorization, content-type, idempotency-key, traceparent")
        // A browser sends no token with a preflight; a stray one must not turn it into a 401.
        .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
        .expectHeader()
        .value(
            HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
            methods ->
                assertThat(methods.split(",\\s*"))
                    .contains("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"))
        .expectHeader()
        .value(
            HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
            headers ->
                assertThat(headers.toLowerCase().split(",\\s*"))
                    .contains("authorization", "content-type", "idempotency-key", "traceparent"))
        .expectHeader()
        .exists(HttpHeaders.ACCESS_CONTROL_MAX_AGE);

    assertThat(BED.requestsReachingServices()).isEmpty();
  }

  @Test
  void refusesThePreflightOfAnotherOriginWithoutCorsHeaders() {
    preflight("https://evil.example", "POST", "authorization")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(BED.requestsReachingServices()).isEmpty();
  }

  @Test
  void refusesAPreflightForAHeaderOrMethodNotAllowed() {
    preflight(FRONTEND, "POST", "x-user-id").exchange().expectStatus().isForbidden();
    preflight(FRONTEND, "TRACE", "authorization").exchange().expectStatus().isForbidden();

    assertThat(BED.requestsReachingServices()).isEmpty();
  }

  @Test
  void refusesACrossOriginRequestFromAnotherOrigin() {
    client
        .get()
        .uri("/api/tickets")
        .header(HttpHeaders.ORIGIN, "https://evil.example")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

    assertThat(BED.requestsReachingServices()).isEmpty();
  }

  @Test
  void letsTheFrontendReadAServiceAnswerWithItsLocationAndRetryAfter() {
    // A service's own CORS headers are dropped: two Allow-Origin values would be refused.
    BED.ticketService.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader(HttpHeaders.LOCATION, "/api/tickets/0b9f2c1e")
                    .withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")));

    client
        .post()
        .uri("/api/tickets")
        .header(HttpHeaders.ORIGIN, FRONTEND)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .values(
            HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
            origins -> assertThat(origins).containsExactly(FRONTEND))
        .expectHeader()
        .value(
            HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
            exposed -> assertThat(exposed.split(",\\s*")).contains("Retry-After", "Location"));
  }

  @Test
  void letsTheFrontendReadTheGatewaysOwnRefusal() {
    client
        .get()
        .uri("/api/account")
        .header(HttpHeaders.ORIGIN, FRONTEND)
        .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND);
  }

  private WebTestClient.RequestHeadersSpec<?> preflight(
      String origin, String method, String headers) {
    return client
        .method(HttpMethod.OPTIONS)
        .uri("/api/tickets")
        .header(HttpHeaders.ORIGIN, origin)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers);
  }
}
