package com.ticketbounty.identity.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
