package com.ticketbounty.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * API.md's default limits, 10 attempts per minute per client address. Each test is its own client
 * address: the loopback network has a whole /8 to connect from.
 */
@GatewayTest
class GatewayRateLimitTest {
  private static final GatewayTestBed BED = GatewayTestBed.start("gateway_rate_limits");
  private static final String SIGN_IN = "/api/auth/sign-in";
  private static final String FORGOT = "/api/auth/password/forgot";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
  }

  @LocalServerPort int port;

  @BeforeEach
  void answerEverythingDownstream() {
    BED.resetServices();
  }

  @Test
  void refusesTheEleventhSignInWithinAMinuteFromOneAddress() {
    WebTestClient client = clientFrom("127.0.0.11");
    for (int attempt = 1; attempt <= 10; attempt++) {
      // A client-sent X-Forwarded-For is no address of its own: the TCP peer is.
      post(client, SIGN_IN, "198.51.100." + attempt).expectStatus().isOk();
    }

    post(client, SIGN_IN, "198.51.100.11")
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER,
            retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60))
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(429);

    BED.identityService.verify(10, anyRequestedFor(urlPathEqualTo(SIGN_IN)));
    post(clientFrom("127.0.0.12"), SIGN_IN, null).expectStatus().isOk();
  }

  @Test
  void refusesTheEleventhForgotPasswordWithinAMinuteFromOneAddress() {
    WebTestClient client = clientFrom("127.0.0.21");
    for (int attempt = 1; attempt <= 10; attempt++) {
      post(client, FORGOT, null).expectStatus().isOk();
    }

    post(client, FORGOT, null)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER,
            retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60));

    BED.identityService.verify(10, anyRequestedFor(urlPathEqualTo(FORGOT)));
    // Each endpoint counts on its own.
    post(client, SIGN_IN, null).expectStatus().isOk();
  }

  @Test
  void countsSpellingsOfTheSignInPathThatTheServiceWouldMatch() {
    WebTestClient client = clientFrom("127.0.0.31");
    for (int attempt = 1; attempt <= 5; attempt++) {
      post(client, "/api/auth/sign%2Din", null).expectStatus().isOk();
      post(client, "/api/auth/sign-in;jsessionid=" + attempt, null).expectStatus().isOk();
    }

    post(client, SIGN_IN, null).expectStatus().isEqualTo(429);
  }

  @Test
  void leavesOtherCallsUnlimited() {
    WebTestClient client = clientFrom("127.0.0.41");
    for (int attempt = 1; attempt <= 12; attempt++) {
      post(client, "/api/auth/sign-up", null).expectStatus().isOk();
      client.get().uri(SIGN_IN).exchange().expectStatus().isOk();
    }
  }

  private WebTestClient clientFrom(String address) {
    HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
    return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
        .baseUrl("http://127.0.0.1:" + port)
        .build();
  }

  private WebTestClient.ResponseSpec post(
      WebTestClient client, String rawPath, String forwardedFor) {
    return client
        .post()
        .uri(URI.create("http://127.0.0.1:" + port + rawPath))
        .headers(
            headers -> {
              if (forwardedFor != null) {
                headers.set("X-Forwarded-For", forwardedFor);
              }
            })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"ada@example.com\",\"password\":\"wrong-password\"}")
        .exchange();
  }
}
