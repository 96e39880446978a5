package com.ticketbounty.identity.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The identity API as a test calls it, from one client address. */
final class Api {
  static final String PASSWORD = "correct-horse-battery";

  private final WebTestClient client;
  private final String clientAddress;

  Api(WebTestClient client, String clientAddress) {
    this.client = client;
    this.clientAddress = clientAddress;
  }

  /** A signed-up account and its first session. */
  record Account(
      UUID id,
      String username,
      String email,
      String password,
      String accessToken,
      String refreshToken) {}

  Account signUp() {
    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
    return signUp(name, name + "@example.com");
  }

  Account signUp(String username, String email) {
    JsonNode body =
        post(
                "/api/auth/sign-up",
                Map.of("username", username, "email", email, "password", PASSWORD))
            .expectStatus()
            .isCreated()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(body).isNotNull();
    return new Account(
        UUID.fromString(body.get("user").get("id").asString()),
        body.get("user").get("username").asString(),
        body.get("user").get("email").asString(),
        PASSWORD,
        body.get("accessToken").asString(),
        body.get("refreshToken").asString());
  }

  /**
   * A signed-up account of an {@code ADMIN_EMAILS} address that verified it, with a new session
   * whose access token carries the ADMIN role (the one of its sign-up does not).
   */
  Account signUpAdmin(String username, String email) {
    Account account = signUp(username, email);
    verifyEmail(account);
    return signInAgain(account);
  }

  /** Proves the account's address with the code it was e-mailed. */
  void verifyEmail(Account account) {
    String code = requestVerificationCode(account);
    post("/api/auth/email/verify", account.accessToken(), Map.of("code", code))
        .expectStatus()
        .isNoContent();
  }

  /** Asks for a verification code and answers it as the e-mail carries it. */
  String requestVerificationCode(Account account) {
    SealedFields.forget(account.id());
    postWithoutBody("/api/auth/email/verification", account.accessToken())
        .expectStatus()
        .isAccepted();
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> SealedFields.codeOf(account.id()), Optional::isPresent)
        .orElseThrow();
  }

  /** The account with the tokens of a new sign-in: they carry the account as it is now. */
  Account signInAgain(Account account) {
    JsonNode body =
        signIn(account.email(), account.password())
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(body).isNotNull();
    return new Account(
        account.id(),
        account.username(),
        account.email(),
        account.password(),
        body.get("accessToken").asString(),
        body.get("refreshToken").asString());
  }

  WebTestClient.ResponseSpec post(String path, Object body) {
    return client
        .post()
        .uri(path)
        .header("X-Forwarded-For", clientAddress)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  WebTestClient.ResponseSpec post(String path, String accessToken, Object body) {
    return client
        .post()
        .uri(path)
        .header("X-Forwarded-For", clientAddress)
        .headers(headers -> headers.setBearerAuth(accessToken))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  WebTestClient.ResponseSpec postWithoutBody(String path, String accessToken) {
    return client
        .post()
        .uri(path)
        .header("X-Forwarded-For", clientAddress)
        .headers(headers -> headers.setBearerAuth(accessToken))
        .exchange();
  }

  WebTestClient.ResponseSpec account(String accessToken) {
    return client
        .get()
        .uri("/api/account")
        .headers(headers -> headers.setBearerAuth(accessToken))
        .exchange();
  }

  WebTestClient.ResponseSpec patchAccount(String accessToken, Object body) {
    return client
        .patch()
        .uri("/api/account")
        .headers(headers -> headers.setBearerAuth(accessToken))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  WebTestClient.ResponseSpec changePassword(String accessToken, Object body) {
    return client
        .put()
        .uri("/api/account/password")
        .header("X-Forwarded-For", clientAddress)
        .headers(headers -> headers.setBearerAuth(accessToken))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  WebTestClient.ResponseSpec signIn(String email, String password) {
    return post("/api/auth/sign-in", Map.of("email", email, "password", password));
  }

  WebTestClient.ResponseSpec refresh(String refreshToken) {
    return post("/api/auth/refresh", Map.of("refreshToken", refreshToken));
  }
}
