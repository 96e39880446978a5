package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.bodyOf;
import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.events.password.PasswordResetRequested;
import com.ticketbounty.testsupport.EventTap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Forgot-password and reset: no enumeration, a token that works once for 10 minutes. */
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetTest extends IdentityServiceTest {

  @Test
  void answersForgotPasswordIdenticallyForKnownAndUnknownAccounts() {
    Api.Account account = api.signUp();

    String known = bodyOf(forgot(account.email()).expectStatus().isAccepted());
    String unknown =
        bodyOf(forgot("nobody-" + UUID.randomUUID() + "@example.com").expectStatus().isAccepted());
    String garbage = bodyOf(forgot("not an address").expectStatus().isAccepted());

    assertThat(unknown).isEqualTo(known).isEqualTo(garbage).contains("message");
  }

  @Test
  void publishesTheLinkSealedAndResetsOnceWithEverySessionEnded(CapturedOutput output) {
    Api.Account account = api.signUp();
    forgot(account.email()).expectStatus().isAccepted();
    String token = tokenFor(account);

    EventTap.Received event =
        events().awaitOne(PasswordResetRequested.NAME, field("userId", account.id()));
    JsonNode data = event.data();
    assertThat(data.get("email").asString()).isEqualTo(account.email());
    assertThat(data.get("resetLink").has("$enc")).isTrue();
    assertThat(data.get("expiresAt")).isNotNull();
    assertThat(event.body().toString()).doesNotContain(token);

    JsonNode reset =
        api.post("/api/auth/password/reset", Map.of("token", token, "password", "brand-new-pw"))
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(reset.propertyNames()).containsExactly("accessToken", "expiresIn");
    api.account(reset.get("accessToken").asString()).expectStatus().isOk();

    // Used once: not again, and the old password and session are gone.
    expectProblem(
            api.post("/api/auth/password/reset", Map.of("token", token, "password", "other-pw-1")),
            422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("token"));
    expectProblem(api.account(account.accessToken()), 401);
    api.signIn(account.email(), account.password()).expectStatus().isUnauthorized();
    api.signIn(account.email(), "brand-new-pw").expectStatus().isOk();

    String id = account.id().toString();
    JsonNode changed = events().awaitOne(PasswordChanged.NAME, field("userId", id)).data();
    assertThat(changed.get("how").asString()).isEqualTo("reset");
    assertThat(changed.get("email").asString()).isEqualTo(account.email());
    JsonNode ended = events().awaitOne(SessionEnded.NAME, field("userId", id)).data();
    assertThat(ended.get("reason").asString()).isEqualTo("password-reset");
    assertThat(
            count(
                "audit_log WHERE user_id = ? AND action = 'password-reset-completed'",
                account.id()))
        .isEqualTo(1);

    assertThat(output.getAll()).doesNotContain(token);
  }

  @Test
  void keepsOnlyTheTokensHash() throws Exception {
    Api.Account account = api.signUp();
    forgot(account.email()).expectStatus().isAccepted();
    String token = tokenFor(account);

    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
    assertThat(
            count("password_reset_tokens WHERE user_id = ? AND token_hash = ?", account.id(), hash))
        .isEqualTo(1);
    assertThat(count("password_reset_tokens WHERE token_hash LIKE ?", "%" + token + "%")).isZero();
    assertThat(count("event_runtime.outbox WHERE body LIKE ?", "%" + token + "%")).isZero();
    assertThat(count("audit_log WHERE detail LIKE ?", "%" + token + "%")).isZero();
  }

  @Test
  void refusesATokenTenMinutesOld() {
    Api.Account account = api.signUp();
    forgot(account.email()).expectStatus().isAccepted();
    String token = tokenFor(account);

    CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));

    expectProblem(
            api.post(
                "/api/auth/password/reset", Map.of("token", token, "password", "brand-new-pw")),
            422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("token"));
    api.signIn(account.email(), account.password()).expectStatus().isOk();
  }

  @Test
  void refusesAWeakPasswordOrAMissingTokenWith422NamingEach() {
    expectProblem(api.post("/api/auth/password/reset", Map.of("password", "short")), 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("token", "password"));
    expectProblem(
            api.post(
                "/api/auth/password/reset",
                Map.of("token", "unknown", "password", "long-enough-1")),
            422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("token"));
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec forgot(
      String email) {
    return api.post("/api/auth/password/forgot", Map.of("email", email));
  }

  /** The token, as notification-service reads it from the sealed link. */
  private static String tokenFor(Api.Account account) {
    String link =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> SealedFields.resetLinkOf(account.id()), java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(link).startsWith("http://localhost:3000/password-reset/");
    String token = link.substring(link.lastIndexOf('/') + 1);
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    return token;
  }
}
