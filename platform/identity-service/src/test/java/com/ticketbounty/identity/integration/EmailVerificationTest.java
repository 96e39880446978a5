package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An 8-letter code by e-mail, valid 2 hours, proves the address. */
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

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec verify(
      Api.Account account, String code) {
    return api.post("/api/auth/email/verify", account.accessToken(), Map.of("code", code));
  }

  /** Asks for a code and answers it as the e-mail would carry it. */
  private String requestCode(Api.Account account) {
    SealedFields.forget(account.id());
    api.postWithoutBody("/api/auth/email/verification", account.accessToken())
        .expectStatus()
        .isAccepted();
    return codeFor(account);
  }

  private static String codeFor(Api.Account account) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> SealedFields.codeOf(account.id()), Optional::isPresent)
        .orElseThrow();
  }
}
