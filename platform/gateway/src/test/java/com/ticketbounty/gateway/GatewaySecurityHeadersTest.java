package com.ticketbounty.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TcpProxy;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The security headers are on every answer of the gateway — routed or its own, an error, a
 * preflight, the API documents — whatever a service sent, and answers that carry tokens or account
 * data are never stored. HSTS is configured here as the prod profile configures it.
 */
@GatewayTest
class GatewaySecurityHeadersTest {
  private static final GatewayTestBed BED = GatewayTestBed.start("gateway_security_headers");
  private static final String HSTS = "max-age=31536000; includeSubDomains";
  private static final String FRAME_ANCESTORS = "frame-ancestors 'none'";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
    registry.add("gateway.security-headers.strict-transport-security", () -> HSTS);
    // comment-service is down: its paths answer the gateway's own 503.
    int closedPort = TcpProxy.freePort();
    registry.add("COMMENT_SERVICE_URL", () -> "http://127.0.0.1:" + closedPort);
  }

  @Autowired WebTestClient client;
  @LocalServerPort int port;

  @BeforeEach
  void answerEverythingDownstream() {
    BED.resetServices();
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /api/tickets, 200",
    "GET, /.well-known/jwks.json, 200",
    "GET, /nothing/here, 404",
    "GET, /internal/runtime/functions, 404",
    "GET, /api/tickets/%2e%2e/internal/runtime/runs, 404",
    "POST, /api/tickets/0b9f2c1e-0000-4000-8000-000000000001/comments, 503",
    "GET, /v3/api-docs, 200",
    "GET, /v3/gateway-api-docs/swagger-config, 200",
    "GET, /swagger-ui.html, 302",
    "GET, /webjars/swagger-ui/index.html, 200",
    "GET, /actuator/health, 404"
  })
  void putsTheSecurityHeadersOnEveryAnswer(String method, String rawPath, int status) {
    WebTestClient.ResponseSpec answer =
        client
            .method(HttpMethod.valueOf(method))
            .uri(URI.create("http://127.0.0.1:" + port + rawPath))
            .exchange();

    expectSecurityHeaders(answer.expectStatus().isEqualTo(status));
  }

  @Test
  void putsThemOnTheRefusalOfABadToken() {
    expectSecurityHeaders(
        client
            .get()
            .uri("/api/account")
            .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
            .exchange()
            .expectStatus()
            .isUnauthorized());
  }

  @Test
  void putsThemOnTheRefusalOfATooLargeBody() {
    expectSecurityHeaders(
        client
            .post()
            .uri("/api/tickets")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"title\":\"" + "x".repeat(70 * 1024) + "\"}")
            .exchange()
            .expectStatus()
            .isEqualTo(413));
  }

  @Test
  void putsThemOnTheRefusalOfTooManySignIns() {
    WebTestClient fromOneAddress =
        WebTestClient.bindToServer(
                new ReactorClientHttpConnector(
                    HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.71", 0))))
            .baseUrl("http://127.0.0.1:" + port)
            .build();
    for (int attempt = 1; attempt <= 10; attempt++) {
      signIn(fromOneAddress).expectStatus().isOk();
    }

    expectSecurityHeaders(signIn(fromOneAddress).expectStatus().isEqualTo(429));
  }

  @Test
  void putsThemOnAnsweredAndRefusedPreflights() {
    expectSecurityHeaders(preflight("http://localhost:3000").expectStatus().isOk());
    expectSecurityHeaders(preflight("https://evil.example").expectStatus().isForbidden());
  }

  @Test
  void keepsThemWhateverAServiceSends() {
    BED.ticketService.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("X-Content-Type-Options", "sniff-away")
                    .withHeader("Referrer-Policy", "unsafe-url")
                    .withHeader("X-Frame-Options", "ALLOWALL")
                    .withHeader("Content-Security-Policy", "frame-ancestors *")
                    .withHeader("Strict-Transport-Security", "max-age=0")));

    WebTestClient.ResponseSpec answer =
        client.get().uri("/api/tickets").exchange().expectStatus().isOk();

    expectSecurityHeaders(answer);
    // Browsers enforce every policy they are sent: the service's may stay, ours still holds.
    answer
        .expectHeader()
        .values(
            "Content-Security-Policy", policies -> assertThat(policies).contains(FRAME_ANCESTORS));
  }

  @ParameterizedTest
  @CsvSource({
    "POST, /api/auth/sign-up",
    "POST, /api/auth/sign-in",
    "POST, /api/auth/refresh",
    "POST, /api/auth/password/reset",
    "GET, /api/account",
    "PUT, /api/account/password"
  })
  void forbidsStoringAnswersThatCarryTokensOrAccountData(String method, String path) {
    BED.identityService.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=600")
                    .withBody("{\"accessToken\":\"eyJ…\"}")));

    client
        .method(HttpMethod.valueOf(method))
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .values(
            HttpHeaders.CACHE_CONTROL, values -> assertThat(values).containsExactly("no-store"));
  }

  @Test
  void forbidsStoringTheGatewaysOwnAnswersOnThosePaths() {
    client
        .get()
        .uri("/api/account")
        .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @Test
  void leavesPublicReadsAsCacheableAsTheirServiceSays() {
    BED.ticketService.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse().withStatus(200).withHeader(HttpHeaders.CACHE_CONTROL, "max-age=5")));

    client
        .get()
        .uri("/api/tickets")
        .exchange()
        .expectHeader()
        .valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=5");
  }

  private static void expectSecurityHeaders(WebTestClient.ResponseSpec answer) {
    answer
        .expectHeader()
        .values("X-Content-Type-Options", values -> assertThat(values).containsExactly("nosniff"))
        .expectHeader()
        .values("Referrer-Policy", values -> assertThat(values).containsExactly("no-referrer"))
        .expectHeader()
        .values("X-Frame-Options", values -> assertThat(values).containsExactly("DENY"))
        .expectHeader()
        .values("Content-Security-Policy", values -> assertThat(values).contains(FRAME_ANCESTORS))
        .expectHeader()
        .values("Strict-Transport-Security", values -> assertThat(values).containsExactly(HSTS));
  }

  private WebTestClient.ResponseSpec preflight(String origin) {
    return client
        .method(HttpMethod.OPTIONS)
        .uri("/api/tickets")
        .header(HttpHeaders.ORIGIN, origin)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .exchange();
  }

  private static WebTestClient.ResponseSpec signIn(WebTestClient from) {
    return from.post()
        .uri("/api/auth/sign-in")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"ada@example.com\",\"password\":\"wrong-password\"}")
        .exchange();
  }
}
