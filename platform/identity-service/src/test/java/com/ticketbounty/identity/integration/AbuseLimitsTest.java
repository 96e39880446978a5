package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * API.md's default limits (this service runs with application.yml's) on the endpoints an attacker
 * would hammer besides sign-in and forgot-password ({@link SignInTest}): sign-up, password reset,
 * password change and verification requests allow 10 attempts a minute per client address and per
 * account, e-mail or reset token; the 11th is 429 with {@code Retry-After}, the 10th is not.
 */
class AbuseLimitsTest extends IdentityServiceTest {
  private static final String SIGN_UP = "/api/auth/sign-up";
  private static final String RESET = "/api/auth/password/reset";
  private static final String VERIFICATION = "/api/auth/email/verification";

  @Test
  void refusesTheEleventhSignUpWithinAMinuteFromOneAddress() {
    for (int attempt = 1; attempt <= 10; attempt++) {
      api.signUp();
    }

    expectRefused(api.post(SIGN_UP, newAccount(freshName())));
    new Api(asTheGateway(client), randomAddress()).signUp();
  }

  @Test
  void refusesTheEleventhSignUpOfOneEmailFromManyAddresses() {
    String email = freshName() + "@example.com";
    new Api(asTheGateway(client), randomAddress()).signUp(freshName(), email);
    for (int attempt = 2; attempt <= 10; attempt++) {
      expectProblem(
          new Api(asTheGateway(client), randomAddress())
              .post(SIGN_UP, newAccount(freshName(), email)),
          409);
    }

    expectRefused(
        new Api(asTheGateway(client), randomAddress())
            .post(SIGN_UP, newAccount(freshName(), email)));
  }

  @Test
  void refusesTheEleventhResetWithinAMinuteFromOneAddress() {
    for (int attempt = 1; attempt <= 10; attempt++) {
      expectProblem(api.post(RESET, reset(UUID.randomUUID().toString())), 422);
    }

    expectRefused(api.post(RESET, reset(UUID.randomUUID().toString())));
  }

  @Test
  void refusesTheEleventhResetWithOneTokenFromManyAddresses() {
    String token = UUID.randomUUID().toString();
    for (int attempt = 1; attempt <= 10; attempt++) {
      expectProblem(new Api(asTheGateway(client), randomAddress()).post(RESET, reset(token)), 422);
    }

    expectRefused(new Api(asTheGateway(client), randomAddress()).post(RESET, reset(token)));
  }

  @Test
  void refusesTheEleventhGuessOfTheCurrentPasswordEvenWhenItIsRight() {
    Api.Account account = api.signUp();
    for (int attempt = 1; attempt <= 10; attempt++) {
      Api from = new Api(asTheGateway(client), randomAddress());
      expectProblem(from.changePassword(account.accessToken(), change("guess-" + attempt)), 422);
    }

    expectRefused(
        new Api(asTheGateway(client), randomAddress())
            .changePassword(account.accessToken(), change(account.password())));
    api.signIn(account.email(), account.password()).expectStatus().isOk();
  }

  @Test
  void refusesTheEleventhPasswordChangeWithinAMinuteFromOneAddress() {
    List<Api.Account> accounts = accountsSignedUpElsewhere(11);
    for (int attempt = 0; attempt < 10; attempt++) {
      expectProblem(api.changePassword(accounts.get(attempt).accessToken(), change("guess")), 422);
    }

    expectRefused(api.changePassword(accounts.get(10).accessToken(), change("guess")));
  }

  @Test
  void refusesTheEleventhVerificationRequestOfOneAccount() {
    Api.Account account = api.signUp();
    for (int attempt = 1; attempt <= 10; attempt++) {
      new Api(asTheGateway(client), randomAddress())
          .postWithoutBody(VERIFICATION, account.accessToken())
          .expectStatus()
          .isAccepted();
    }

    expectRefused(
        new Api(asTheGateway(client), randomAddress())
            .postWithoutBody(VERIFICATION, account.accessToken()));
  }

  @Test
  void refusesTheEleventhVerificationRequestWithinAMinuteFromOneAddress() {
    List<Api.Account> accounts = accountsSignedUpElsewhere(11);
    for (int attempt = 0; attempt < 10; attempt++) {
      api.postWithoutBody(VERIFICATION, accounts.get(attempt).accessToken())
          .expectStatus()
          .isAccepted();
    }

    expectRefused(api.postWithoutBody(VERIFICATION, accounts.get(10).accessToken()));
  }

  /** 429 as problem details, with a {@code Retry-After} within the minute. */
  static void expectRefused(WebTestClient.ResponseSpec response) {
    String retryAfter =
        expectProblem(response, 429).returnResult().getResponseHeaders().getFirst("Retry-After");
    assertThat(retryAfter).as(HttpHeaders.RETRY_AFTER).isNotNull();
    assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
  }

  private List<Api.Account> accountsSignedUpElsewhere(int count) {
    List<Api.Account> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      accounts.add(new Api(asTheGateway(client), randomAddress()).signUp());
    }
    return accounts;
  }

  private static String freshName() {
    return "l" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, String> newAccount(String username) {
    return newAccount(username, username + "@example.com");
  }

  private static Map<String, String> newAccount(String username, String email) {
    return Map.of("username", username, "email", email, "password", Api.PASSWORD);
  }

  private static Map<String, String> reset(String token) {
    return Map.of("token", token, "password", "brand-new-pw");
  }

  private static Map<String, String> change(String currentPassword) {
    return Map.of("currentPassword", currentPassword, "newPassword", "new-password-1");
  }
}
