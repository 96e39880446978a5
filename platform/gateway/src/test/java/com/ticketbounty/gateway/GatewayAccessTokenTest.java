package com.ticketbounty.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Access tokens are verified at the edge: a bad one never reaches a service. */
@GatewayTest
class GatewayAccessTokenTest {
  private static final GatewayTestBed BED = GatewayTestBed.start("gateway_tokens");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
  }

  @Autowired WebTestClient client;

  @BeforeEach
  void answerEverythingDownstream() {
    BED.resetServices();
  }

  @Test
  void passesAValidTokenOnToTheService() {
    TestUser ada = BED.identity.user("ada");

    postTicket(ada.bearer()).expectStatus().isOk();

    assertThat(BED.requestsReachingServices())
        .singleElement()
        .satisfies(
            request -> assertThat(request.getHeader("Authorization")).isEqualTo(ada.bearer()));
  }

  @Test
  void routesARequestWithoutTokenForTheServiceToJudge() {
    client.get().uri("/api/tickets").exchange().expectStatus().isOk();

    assertThat(BED.requestsReachingServices()).hasSize(1);
  }

  @Test
  void refusesAnExpiredTokenWithoutReachingTheService() {
    expectRefused(BED.identity.expiredBearer(BED.identity.user("ada")));
  }

  @Test
  void refusesAForgedTokenWithoutReachingTheService() {
    expectRefused(BED.identity.forgedBearer(BED.identity.user("ada")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer not-a-jwt",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEifQ.",
        "Basic YWRhOnNlY3JldA==",
        "Bearer "
      })
  void refusesAnInvalidAuthorizationHeaderWithoutReachingTheService(String authorization) {
    expectRefused(authorization);
  }

  @Test
  void routesSignInAndRefreshWhateverTokenTheyCarry() {
    String stale = BED.identity.expiredBearer(BED.identity.user("ada"));

    for (String path : List.of("/api/auth/sign-in", "/api/auth/refresh")) {
      client
          .post()
          .uri(path)
          .header(HttpHeaders.AUTHORIZATION, stale)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isOk();
    }

    assertThat(BED.requestsReachingServices()).hasSize(2);
  }

  @Test
  void refusesTheTokensOfASessionOnceItHasEnded() {
    TestUser ada = BED.identity.user("ada");
    TestUser adaElsewhere = BED.identity.newSession(ada);
    postTicket(ada.bearer()).expectStatus().isOk();

    BED.endSession(ada.sessionId(), ada.id());

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> postTicket(ada.bearer()).expectStatus().isUnauthorized());
    BED.resetServices();
    expectRefused(ada.bearer());
    postTicket(adaElsewhere.bearer()).expectStatus().isOk();
  }

  private void expectRefused(String authorization) {
    postTicket(authorization)
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.detail")
        .isNotEmpty();
    assertThat(BED.requestsReachingServices()).isEmpty();
  }

  private WebTestClient.ResponseSpec postTicket(String authorization) {
    return client
        .post()
        .uri("/api/tickets")
        .header(HttpHeaders.AUTHORIZATION, authorization)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"title\":\"Fix the login page\"}")
        .exchange();
  }
}
