package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.testsupport.EventTap.Received;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * An 8-letter code by e-mail, valid 2 hours, proves the address; the proof is published with the
 * profile, and an address of {@code ADMIN_EMAILS} makes the account an ADMIN only then.
 */
class EmailVerificationTest extends IdentityServiceTest {

  @Test
  void verifiesTheAddressWithTheCodeItPublishedSealed() {
    Api.Account account = api.signUp();

    api.postWithoutBody("/api/auth/email/verification", account.accessToken())
        .expectStatus()
        .isAccepted();
    String code = codeFor(account);
    assertThat(code).matches("[A-Z]{8}");
    JsonNode data =
        events()
            .awaitOne(EmailVerificationCodeRequested.NAME, field("userId", account.id()))
            .data();
    assertThat(data.get("code").has("$enc")).isTrue();
    assertThat(data.get("email").asString()).isEqualTo(account.email());
    assertThat(data.get("username").asString()).isEqualTo(account.username());
    assertThat(count("email_verification_codes WHERE code_hash = ?", code)).isZero();

    expectProblem(verify(account, "WRONGONE"), 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("code"));
    verify(account, code.toLowerCase()).expectStatus().isNoContent();

    api.account(account.accessToken()).expectBody().jsonPath("$.emailVerified").isEqualTo(true);
    assertThat(count("audit_log WHERE user_id = ? AND action = 'email-verified'", account.id()))
        .isEqualTo(1);
    // Used up.
    expectProblem(verify(account, code), 422);
  }

  @Test
  void publishesTheVerifiedProfileAtTheAccountsNextVersion() {
    Api.Account account = api.signUp();

    api.verifyEmail(account);

    Received updated = events().awaitOne(AccountProfileUpdated.NAME, field("userId", account.id()));
    assertThat(updated.body().get("v").asString()).isEqualTo("1.1");
    JsonNode data = updated.data();
    assertThat(data.get("version").asLong()).isEqualTo(2);
    assertThat(data.get("email").asString()).isEqualTo(account.email());
    assertThat(data.get("role").asString()).isEqualTo("USER");
    assertThat(data.get("emailVerified").asBoolean()).isTrue();
    assertThat(data.get("username").asString()).isEqualTo(account.username());
    assertThat(data.get("notificationPreference").asString()).isEqualTo("immediate");
    assertThat(count("users WHERE id = ? AND version = 2 AND role = 'USER'", account.id()))
        .isEqualTo(1);
    assertThat(count("audit_log WHERE user_id = ? AND action = 'role-granted'", account.id()))
        .isZero();
  }

  @Test
  void anAdminAddressMakesAnAdminOnceVerifiedAndTheTokensSignedFromThenOnSaySo() throws Exception {
    Api.Account boss =
        api.signUp("boss" + UUID.randomUUID().toString().substring(0, 4), "BOSS@example.com");
    assertThat(roleIn(boss.accessToken())).isEqualTo("USER");
    api.account(boss.accessToken()).expectBody().jsonPath("$.role").isEqualTo("USER");
    expectProblem(administer(boss.accessToken()), 403);

    api.verifyEmail(boss);

    JsonNode data =
        events()
            .awaitOne(
                AccountProfileUpdated.NAME, field("userId", boss.id()).and(field("version", 2)))
            .data();
    assertThat(data.get("role").asString()).isEqualTo("ADMIN");
    assertThat(data.get("emailVerified").asBoolean()).isTrue();
    assertThat(data.get("email").asString()).isEqualTo("boss@example.com");
    // One change, one event: the proof and the role together.
    assertThat(
            count(
                "event_runtime.outbox WHERE event_name = ? AND aggregate_key = ?",
                AccountProfileUpdated.NAME,
                boss.id().toString()))
        .isEqualTo(1);
    assertThat(count("audit_log WHERE user_id = ? AND action = 'role-granted'", boss.id()))
        .isEqualTo(1);
    // The token signed before keeps its role until it expires.
    expectProblem(administer(boss.accessToken()), 403);
    // A refresh reads the account as it is now, and so does a new sign-in.
    String refreshed =
        api.refresh(boss.refreshToken())
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("accessToken")
            .asString();
    assertThat(roleIn(refreshed)).isEqualTo("ADMIN");
    administer(refreshed).expectStatus().isOk();
    String signedIn = api.signInAgain(boss).accessToken();
    assertThat(roleIn(signedIn)).isEqualTo("ADMIN");
    administer(signedIn).expectStatus().isOk();
    api.account(signedIn).expectBody().jsonPath("$.role").isEqualTo("ADMIN");
  }

  @Test
  void refusesACodeTwoHoursOld() {
    Api.Account account = api.signUp();
    api.postWithoutBody("/api/auth/email/verification", account.accessToken())
        .expectStatus()
        .isAccepted();
    String code = codeFor(account);

    CLOCK.advance(Duration.ofHours(2).plusSeconds(1));

    expectProblem(verify(account, code), 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("code"));
    api.account(account.accessToken()).expectBody().jsonPath("$.emailVerified").isEqualTo(false);
  }

  @Test
  void aCodeStopsWorkingAfterFiveWrongTriesAndANewCodeDoesNotStartTheCountAfresh() {
    Api.Account account = api.signUp();
    String code = requestCode(account);

    for (int wrong = 1; wrong <= 4; wrong++) {
      expectProblem(verify(account, "WRONGONE"), 422);
    }
    assertThat(count("email_verification_codes WHERE user_id = ?", account.id())).isEqualTo(1);
    expectProblem(verify(account, "WRONGONE"), 422);

    // The fifth wrong try used the code up: the right one no longer works either.
    assertThat(count("email_verification_codes WHERE user_id = ?", account.id())).isZero();
    expectProblem(verify(account, code), 422)
        .jsonPath("$.errors[0].message")
        .value(message -> assertThat(message.toString()).contains("ask for a new one"));

    // Nor does a new code, however many are asked for, while the count lasts.
    for (int asked = 1; asked <= 2; asked++) {
      String fresh = requestCode(account);
      expectProblem(verify(account, fresh), 422);
    }
    api.account(account.accessToken()).expectBody().jsonPath("$.emailVerified").isEqualTo(false);
  }

  @Test
  void theCountOfWrongTriesEndsTwoHoursAfterItsFirstTry() {
    Api.Account account = api.signUp();
    requestCode(account);
    for (int wrong = 1; wrong <= 5; wrong++) {
      expectProblem(verify(account, "WRONGONE"), 422);
    }

    CLOCK.advance(Duration.ofHours(2));

    String fresh = requestCode(account);
    for (int wrong = 1; wrong <= 4; wrong++) {
      expectProblem(verify(account, "WRONGONE"), 422);
    }
    verify(account, fresh).expectStatus().isNoContent();
    api.account(account.accessToken()).expectBody().jsonPath("$.emailVerified").isEqualTo(true);
  }

  @Test
  void aSuccessfulVerificationForgetsTheWrongTries() {
    Api.Account account = api.signUp();
    String code = requestCode(account);
    for (int wrong = 1; wrong <= 4; wrong++) {
      expectProblem(verify(account, "WRONGONE"), 422);
    }
    assertThat(count("email_verification_tries WHERE user_id = ?", account.id())).isEqualTo(1);

    verify(account, code).expectStatus().isNoContent();

    assertThat(count("email_verification_tries WHERE user_id = ?", account.id())).isZero();
  }

  @Test
  void refusesAMissingCodeWith422() {
    Api.Account account = api.signUp();
    expectProblem(api.post("/api/auth/email/verify", account.accessToken(), Map.of()), 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("code"));
  }

  /**
   * Something only an ADMIN may do, and harmless to the other tests: rotate the signing key (tokens
   * of the old key stay valid).
   */
  private WebTestClient.ResponseSpec administer(String accessToken) {
    return api.postWithoutBody("/internal/identity/signing-keys/rotate", accessToken);
  }

  private static String roleIn(String accessToken) throws Exception {
    return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("role");
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec verify(
      Api.Account account, String code) {
    return api.post("/api/auth/email/verify", account.accessToken(), Map.of("code", code));
  }

  private String requestCode(Api.Account account) {
    return api.requestVerificationCode(account);
  }

  private static String codeFor(Api.Account account) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> SealedFields.codeOf(account.id()), Optional::isPresent)
        .orElseThrow();
  }
}
