package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.bodyOf;
import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/auth/sign-in} and its limits; the limits here are the defaults (10/minute). */
class SignInTest extends IdentityServiceTest {

  @Test
  void signsInWithTheSameShapeAsSignUpAndAuditsIt() {
    Api.Account account = api.signUp();

    JsonNode body =
        api.signIn(account.email().toUpperCase(), account.password())
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(body.propertyNames())
        .containsExactly("user", "accessToken", "refreshToken", "expiresIn");
    assertThat(body.get("user").get("id").asString()).isEqualTo(account.id().toString());
    assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
    assertThat(body.get("refreshToken").asString()).isNotEqualTo(account.refreshToken());
    api.account(body.get("accessToken").asString()).expectStatus().isOk();
    assertThat(count("sessions WHERE user_id = ?", account.id())).isEqualTo(2);
    assertThat(count("audit_log WHERE user_id = ? AND action = 'signed-in'", account.id()))
        .isEqualTo(1);
  }

  @Test
  void replacesAHashOfEarlierParametersAtSignInAndSignsInWithTheNewOne() {
    Api.Account account = api.signUp();
    // As identity-service hashed before OWASP's parameters: 16 MiB.
    String earlier =
        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(account.password());
    jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
        .params(earlier, account.id())
        .update();

    api.signIn(account.email(), account.password()).expectStatus().isOk();

    String upgraded = passwordHashOf(account);
    assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(earlier);
    api.signIn(account.email(), account.password()).expectStatus().isOk();
    assertThat(passwordHashOf(account)).isEqualTo(upgraded);
    expectUnauthorized(api.signIn(account.email(), "wrong-password"));
  }

  @Test
  void answersAnUnknownAccountAndAWrongPasswordIdentically() {
    Api.Account account = api.signUp();
    String unknown = "nobody-" + UUID.randomUUID() + "@example.com";

    String wrongPassword =
        bodyOf(expectUnauthorized(api.signIn(account.email(), "wrong-password")));
    String unknownAccount = bodyOf(expectUnauthorized(api.signIn(unknown, account.password())));
    String notAnAddress = bodyOf(expectUnauthorized(api.signIn("no address", "whatever1")));
    // A lone surrogate cannot be encoded for the hash: still only a wrong password.
    String malformed = bodyOf(expectUnauthorized(api.signIn(account.email(), "bad\ud800text")));

    assertThat(unknownAccount)
        .isEqualTo(wrongPassword)
        .isEqualTo(notAnAddress)
        .isEqualTo(malformed);
    assertThat(wrongPassword).contains("The e-mail address or the password is wrong.");
    assertThat(count("audit_log WHERE user_id = ? AND action = 'sign-in-failed'", account.id()))
        .isEqualTo(2);
  }

  @Test
  void refusesTheEleventhAttemptWithinAMinuteFromOneClientWith429AndRetryAfter() {
    for (int attempt = 1; attempt <= 10; attempt++) {
      api.signIn("someone" + attempt + "@example.com", "wrong-password")
          .expectStatus()
          .isUnauthorized();
    }

    expectProblem(api.signIn("someone11@example.com", "wrong-password"), 429);
    String retryAfter =
        api.signIn("someone12@example.com", "wrong-password")
            .expectStatus()
            .isEqualTo(429)
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst(HttpHeaders.RETRY_AFTER);
    assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
    // Another client is not held back by this one.
    new Api(asTheGateway(client), randomAddress())
        .signIn("someone@example.com", "wrong-password")
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void refusesTheEleventhAttemptOnOneAccountFromManyClients() {
    Api.Account account = api.signUp();
    for (int attempt = 1; attempt <= 10; attempt++) {
      new Api(asTheGateway(client), randomAddress())
          .signIn(account.email(), "wrong-password")
          .expectStatus()
          .isUnauthorized();
    }

    new Api(asTheGateway(client), randomAddress())
        .signIn(account.email(), account.password())
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER);
  }

  @Test
  void limitsForgotPasswordTheSameWay() {
    for (int attempt = 1; attempt <= 10; attempt++) {
      api.post("/api/auth/password/forgot", Map.of("email", "x" + attempt + "@example.com"))
          .expectStatus()
          .isAccepted();
    }
    api.post("/api/auth/password/forgot", Map.of("email", "x11@example.com"))
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER);
  }

  @Test
  void answersUnreadableSignInWith400() {
    expectProblem(api.post("/api/auth/sign-in", "{\"email\":"), 400);
    expectProblem(api.post("/api/auth/sign-in", "{\"email\":1,\"password\":\"x\"}"), 400);
  }

  private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec
      expectUnauthorized(
          org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
    return response.expectStatus().isUnauthorized();
  }

  private String passwordHashOf(Api.Account account) {
    return jdbc.sql("SELECT password_hash FROM users WHERE id = ?")
        .param(account.id())
        .query(String.class)
        .single();
  }
}
