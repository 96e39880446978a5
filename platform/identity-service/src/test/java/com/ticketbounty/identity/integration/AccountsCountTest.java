package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /internal/identity/accounts/count?since=…}: admin-digest-service's figures of the
 * accounts, for its service token only.
 */
class AccountsCountTest extends IdentityServiceTest {
  private static final String COUNT = "/internal/identity/accounts/count";
  private static final String DIGEST_SECRET = "development-secret-of-admin-digest-service";

  @Test
  void countsEveryAccountAndThoseCreatedAtOrAfterSince() {
    api.signUp();
    Instant since;
    CLOCK.freeze();
    try {
      // Every account so far was created before this; the next one is created exactly at it.
      CLOCK.advance(Duration.ofMinutes(1));
      since = CLOCK.instant().truncatedTo(ChronoUnit.MICROS);
      api.signUp();
      CLOCK.advance(Duration.ofSeconds(1));
      api.signUp();
    } finally {
      CLOCK.resume();
    }
    long accounts = count("users");

    JsonNode counted = counted(since.toString());
    assertThat(counted.propertyNames()).containsExactly("total", "createdSince", "since");
    assertThat(counted.get("total").asLong()).isEqualTo(accounts);
    assertThat(counted.get("createdSince").asLong()).isEqualTo(2);
    assertThat(Instant.parse(counted.get("since").asString())).isEqualTo(since);

    assertThat(counted(since.plus(1, ChronoUnit.MICROS).toString()).get("createdSince").asLong())
        .isEqualTo(1);
    assertThat(counted(since.minus(Duration.ofDays(365)).toString()).get("createdSince").asLong())
        .isEqualTo(accounts);
    assertThat(counted(since.plus(Duration.ofDays(1)).toString()).get("createdSince").asLong())
        .isZero();
  }

  @Test
  void takesAnInstantWithAnOffset() {
    Instant since = Instant.parse("2026-11-27T00:00:00Z");

    JsonNode counted = counted("2026-11-27T01:00:00+01:00");

    assertThat(Instant.parse(counted.get("since").asString())).isEqualTo(since);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2026-11-27", "2026-11-27T00:00:00", "1764201600000"})
  void refusesASinceThatIsNoInstantWith400NamingIt(String since) {
    expectProblem(ask(since, serviceToken()), 400).jsonPath("$.errors[0].field").isEqualTo("since");
  }

  @Test
  void refusesAMissingSinceWith400NamingIt() {
    expectProblem(
            client.get().uri(COUNT).headers(h -> h.setBearerAuth(serviceToken())).exchange(), 400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("since")
        .jsonPath("$.errors[0].message")
        .isEqualTo("is required");
  }

  @Test
  void answersAServicesOrAnAdminsTokenAndNobodyElse() {
    String since = "2026-11-27T00:00:00Z";
    expectProblem(ask(since, null), 401);
    expectProblem(ask(since, api.signUp().accessToken()), 403);
    Api.Account auditor =
        api.signUpAdmin(
            "aud" + UUID.randomUUID().toString().substring(0, 6), "auditor@example.com");
    ask(since, auditor.accessToken()).expectStatus().isOk();
  }

  private JsonNode counted(String since) {
    return ask(since, serviceToken())
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  /** admin-digest-service's token, as it gets one with its client credentials. */
  private String serviceToken() {
    return issueServiceToken.issue("admin-digest-service", DIGEST_SECRET).block().value();
  }

  private WebTestClient.ResponseSpec ask(String since, String accessToken) {
    return client
        .get()
        .uri(COUNT + "?since={since}", since)
        .headers(
            headers -> {
              if (accessToken != null) {
                headers.setBearerAuth(accessToken);
              }
            })
        .exchange();
  }
}
