package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.events.auth.SessionEnded;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Refresh, sign-out, and what a token of an ended session gets. */
class SessionsTest extends IdentityServiceTest {

  @Test
  void refreshRotatesTheRefreshTokenAndTheOldOneAfterTheGraceWindowEndsTheSession() {
    Api.Account account = api.signUp();

    JsonNode refreshed =
        api.refresh(account.refreshToken())
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(refreshed.propertyNames())
        .containsExactly("accessToken", "refreshToken", "expiresIn");
    assertThat(refreshed.get("expiresIn").asLong()).isEqualTo(900);
    String next = refreshed.get("refreshToken").asString();
    assertThat(next).isNotEqualTo(account.refreshToken());
    api.account(refreshed.get("accessToken").asString()).expectStatus().isOk();

    // The spent token again once the grace window is over: 401, and the session it belonged to
    // ends (reuse means theft).
    CLOCK.advance(Duration.ofSeconds(10));
    expectProblem(api.refresh(account.refreshToken()), 401);
    expectProblem(api.refresh(next), 401);
    expectProblem(api.account(refreshed.get("accessToken").asString()), 401);
    expectProblem(api.account(account.accessToken()), 401);
    JsonNode ended = events().awaitOne(SessionEnded.NAME, field("userId", account.id())).data();
    assertThat(ended.get("reason").asString()).isEqualTo("refresh-token-reused");
    assertThat(
            count("audit_log WHERE user_id = ? AND action = 'refresh-token-reused'", account.id()))
        .isEqualTo(1);
  }

  @Test
  void twoRefreshesOfOneToken100MillisecondsApartBothSucceedAndTheSessionStays() {
    Api.Account account = api.signUp();
    CLOCK.freeze();
    try {
      // Two tabs refresh with the same token at once.
      JsonNode first = refreshed(account.refreshToken());
      CLOCK.advance(Duration.ofMillis(100));
      JsonNode second = refreshed(account.refreshToken());

      assertThat(second.get("refreshToken").asString())
          .isNotEqualTo(first.get("refreshToken").asString());
      assertThat(second.get("accessToken").asString())
          .isNotEqualTo(first.get("accessToken").asString());
      api.account(first.get("accessToken").asString()).expectStatus().isOk();
      api.account(second.get("accessToken").asString()).expectStatus().isOk();

      // Each tab goes on refreshing with the pair it got.
      JsonNode firstTab = refreshed(first.get("refreshToken").asString());
      JsonNode secondTab = refreshed(second.get("refreshToken").asString());
      api.account(firstTab.get("accessToken").asString()).expectStatus().isOk();
      api.account(secondTab.get("accessToken").asString()).expectStatus().isOk();
      assertThat(count("sessions WHERE user_id = ? AND ended_at IS NULL", account.id()))
          .isEqualTo(1);

      // The spent token once the grace window is over: reuse, and the session ends.
      CLOCK.advance(Duration.ofSeconds(10));
      expectProblem(api.refresh(account.refreshToken()), 401);
      expectProblem(api.account(firstTab.get("accessToken").asString()), 401);
      expectProblem(api.account(secondTab.get("accessToken").asString()), 401);
      expectProblem(api.refresh(secondTab.get("refreshToken").asString()), 401);
    } finally {
      CLOCK.resume();
    }
    JsonNode ended = events().awaitOne(SessionEnded.NAME, field("userId", account.id())).data();
    assertThat(ended.get("reason").asString()).isEqualTo("refresh-token-reused");
  }

  @Test
  void refreshesOfOneTokenRacingEachOtherAllSucceedWithPairsOfTheirOwn() {
    Api.Account account = api.signUp();
    CLOCK.freeze();
    List<String> tokens;
    try {
      List<CompletableFuture<String>> racing =
          IntStream.range(0, 4)
              .mapToObj(
                  tab ->
                      CompletableFuture.supplyAsync(
                          () -> refreshed(account.refreshToken()).get("refreshToken").asString()))
              .toList();
      tokens = racing.stream().map(CompletableFuture::join).toList();
    } finally {
      CLOCK.resume();
    }

    assertThat(tokens).doesNotHaveDuplicates().hasSize(4);
    assertThat(
            count(
                "refresh_tokens WHERE spent_at IS NULL AND session_id IN"
                    + " (SELECT id FROM sessions WHERE user_id = ?)",
                account.id()))
        .isEqualTo(4);
    for (String token : tokens) {
      refreshed(token);
    }
    assertThat(count("sessions WHERE user_id = ? AND ended_at IS NULL", account.id())).isEqualTo(1);
  }

  @Test
  void nothingRefreshesPastThirtyDaysFromSignInAndTheLastTokenEndsWithTheSession() {
    Api.Account account = api.signUp();
    CLOCK.advance(Duration.ofDays(29));
    String late = refreshed(account.refreshToken()).get("refreshToken").asString();

    Instant signedInAt =
        jdbc.sql("SELECT created_at FROM sessions WHERE user_id = ?")
            .param(account.id())
            .query(Instant.class)
            .single();
    assertThat(
            jdbc.sql("SELECT expires_at FROM refresh_tokens WHERE token_hash = ?")
                .param(sha256(late))
                .query(Instant.class)
                .single())
        .isEqualTo(signedInAt.plus(Duration.ofDays(30)));

    CLOCK.advance(Duration.ofDays(1));

    expectProblem(api.refresh(late), 401);
    assertThat(count("sessions WHERE user_id = ? AND ended_at IS NULL", account.id())).isEqualTo(1);
  }

  @Test
  void storesRefreshTokensOnlyAsHashes() {
    Api.Account account = api.signUp();
    String next = refreshed(account.refreshToken()).get("refreshToken").asString();

    assertThat(
            count(
                "refresh_tokens WHERE token_hash IN (?, ?)",
                sha256(account.refreshToken()),
                sha256(next)))
        .isEqualTo(2);
    assertThat(count("refresh_tokens WHERE token_hash IN (?, ?)", account.refreshToken(), next))
        .isZero();
  }

  @Test
  void refusesAnUnknownOrMissingRefreshTokenWith401() {
    expectProblem(api.refresh("no-such-token"), 401);
    expectProblem(api.post("/api/auth/refresh", Map.of()), 401);
  }

  @Test
  void signOutEndsTheSessionAndPublishesSessionEndedOnce() {
    Api.Account account = api.signUp();
    JsonNode other =
        api.signIn(account.email(), account.password())
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    api.postWithoutBody("/api/auth/sign-out", account.accessToken()).expectStatus().isNoContent();

    expectProblem(api.account(account.accessToken()), 401);
    expectProblem(api.refresh(account.refreshToken()), 401);
    // Only that session ended: the other one still works.
    api.account(other.get("accessToken").asString()).expectStatus().isOk();

    UUID sessionId =
        jdbc.sql("SELECT id FROM sessions WHERE user_id = ? AND ended_at IS NOT NULL")
            .param(account.id())
            .query(UUID.class)
            .single();
    JsonNode data = events().awaitOne(SessionEnded.NAME, field("sessionId", sessionId)).data();
    assertThat(data.get("userId").asString()).isEqualTo(account.id().toString());
    assertThat(data.get("reason").asString()).isEqualTo("sign-out");
    Instant endedAt = Instant.parse(data.get("endedAt").asString());
    assertThat(Instant.parse(data.get("tokensValidUntil").asString()))
        .isEqualTo(endedAt.plus(Duration.ofMinutes(15)));
    assertThat(
            count(
                "event_runtime.outbox WHERE event_name = ? AND body LIKE ?",
                SessionEnded.NAME,
                "%" + sessionId + "%"))
        .isEqualTo(1);
    assertThat(count("audit_log WHERE user_id = ? AND action = 'signed-out'", account.id()))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "POST /api/auth/sign-out",
        "POST /api/auth/email/verification",
        "POST /api/auth/email/verify",
        "GET /api/account",
        "PATCH /api/account",
        "PUT /api/account/password",
        "POST /internal/identity/signing-keys/rotate"
      })
  void answersEverySignedInEndpointWithoutATokenWith401(String endpoint) {
    String[] parts = endpoint.split(" ");
    expectProblem(
            client
                .method(HttpMethod.valueOf(parts[0]))
                .uri(parts[1])
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange(),
            401)
        .jsonPath("$.title")
        .isEqualTo("Unauthorized");
  }

  @Test
  void readsNoAccessTokenWhereTheClientSignsInOrRefreshes() {
    Api.Account account = api.signUp();
    // What a frontend that attaches its last access token to every call sends once it is stale.
    String stale = account.accessToken() + "x";

    JsonNode refreshed =
        api.post("/api/auth/refresh", stale, Map.of("refreshToken", account.refreshToken()))
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    api.account(refreshed.get("accessToken").asString()).expectStatus().isOk();
    api.post(
            "/api/auth/sign-in",
            "not-a-jwt",
            Map.of("email", account.email(), "password", account.password()))
        .expectStatus()
        .isOk();
    api.post("/api/auth/password/forgot", stale, Map.of("email", account.email()))
        .expectStatus()
        .isAccepted();
    // Where a token is what the call is about, a stale one is still refused.
    expectProblem(api.postWithoutBody("/api/auth/sign-out", stale), 401);
  }

  @Test
  void answersABadTokenWith401() {
    for (String token : List.of("not-a-jwt", "a.b.c", api.signUp().accessToken() + "x")) {
      expectProblem(api.account(token), 401);
    }
  }

  private JsonNode refreshed(String refreshToken) {
    return api.refresh(refreshToken)
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
