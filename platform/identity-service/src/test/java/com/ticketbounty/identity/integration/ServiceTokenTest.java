package com.ticketbounty.identity.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.serviceweb.security.AccessTokenVerifier;
import com.ticketbounty.serviceweb.security.ServiceClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /oauth2/token}: services get their service tokens with their client credentials; a
 * service token opens no user's or administrator's endpoint; and only the gateway's service token
 * makes identity believe a request's {@code X-Forwarded-For}.
 */
class ServiceTokenTest extends IdentityServiceTest {
  private static final String COMMENT_SECRET = "development-secret-of-comment-service";

  @Autowired AccessTokenVerifier verifier;

  @ParameterizedTest
  @CsvSource({
    "comment-service, development-secret-of-comment-service",
    "admin-digest-service, development-secret-of-admin-digest-service"
  })
  void issuesAServiceTokenForAClientsCredentials(String clientId, String secret) {
    JsonNode body =
        token(basic(clientId, secret), "grant_type=client_credentials")
            .expectStatus()
            .isOk()
            .expectHeader()
            .cacheControl(org.springframework.http.CacheControl.noStore())
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(900);
    assertThat(verifier.verify(body.get("access_token").asString()))
        .isEqualTo(new AccessTokenVerifier.Verdict.Valid(new ServiceClient(clientId)));
  }

  @Test
  void takesTheCredentialsInTheBodyToo() {
    token(
            null,
            "grant_type=client_credentials&client_id=comment-service&client_secret="
                + COMMENT_SECRET)
        .expectStatus()
        .isOk();
  }

  @Test
  void refusesAWrongSecretAnUnknownClientAndOtherGrants() {
    expectError(
        token(basic("comment-service", "guess"), "grant_type=client_credentials"),
        401,
        "invalid_client");
    expectError(
        token(basic("nobody", COMMENT_SECRET), "grant_type=client_credentials"),
        401,
        "invalid_client");
    expectError(
        token(basic("comment-service", COMMENT_SECRET), "grant_type=password"),
        400,
        "unsupported_grant_type");
    expectError(
        token(
            basic("comment-service", COMMENT_SECRET),
            "grant_type=client_credentials&client_id=comment-service&client_secret=x"),
        400,
        "invalid_request");
    expectError(token(null, "grant_type=client_credentials"), 400, "invalid_request");
  }

  @Test
  void aServiceTokenIsNeitherAUserNorAnAdministrator() {
    String service = "Bearer " + serviceToken("comment-service", COMMENT_SECRET);

    client
        .get()
        .uri("/api/account")
        .header(HttpHeaders.AUTHORIZATION, service)
        .exchange()
        .expectStatus()
        .isForbidden();
    client
        .post()
        .uri("/internal/identity/signing-keys/rotate")
        .header(HttpHeaders.AUTHORIZATION, service)
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void believesAForwardedAddressOnlyWithTheGatewaysToken() {
    Api.Account account = api.signUp();
    WebTestClient direct = client;
    WebTestClient gateway = asTheGateway(client);
    WebTestClient impostor =
        client
            .mutate()
            .defaultHeader(
                "X-Gateway-Token", "Bearer " + serviceToken("comment-service", COMMENT_SECRET))
            .build();

    failSignIn(direct, account, "203.0.113.1");
    failSignIn(impostor, account, "203.0.113.2");
    failSignIn(gateway, account, "203.0.113.3");

    assertThat(
            jdbc.sql(
                    "SELECT client_address FROM audit_log WHERE user_id = ?"
                        + " AND action = 'sign-in-failed' ORDER BY id")
                .param(account.id())
                .query(String.class)
                .list())
        .containsExactly("127.0.0.1", "127.0.0.1", "203.0.113.3");
  }

  @Test
  void aSpoofedForwardedAddressSentStraightToIdentityDoesNotResetTheCount() {
    // Forgot-password, whose count no other test spends from this (the test's real) address.
    for (int attempt = 1; attempt <= 10; attempt++) {
      forgot(client, "spoof" + attempt + "@example.com", "198.51.100." + attempt)
          .expectStatus()
          .isAccepted();
    }

    // Eleven addresses, eleven accounts, one real client: its eleventh attempt is refused.
    forgot(client, "spoof11@example.com", "198.51.100.11")
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER);
  }

  private static WebTestClient.ResponseSpec forgot(
      WebTestClient client, String email, String forwardedFor) {
    return client
        .post()
        .uri("/api/auth/password/forgot")
        .header("X-Forwarded-For", forwardedFor)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email))
        .exchange();
  }

  private void failSignIn(WebTestClient client, Api.Account account, String forwardedFor) {
    client
        .post()
        .uri("/api/auth/sign-in")
        .header("X-Forwarded-For", forwardedFor)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", account.email(), "password", "not-the-password"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  private String serviceToken(String id, String secret) {
    return token(basic(id, secret), "grant_type=client_credentials")
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody()
        .get("access_token")
        .asString();
  }

  private WebTestClient.ResponseSpec token(String authorization, String form) {
    return client
        .post()
        .uri("/oauth2/token")
        .headers(
            headers -> {
              if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
              }
            })
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromValue(form))
        .exchange();
  }

  private static void expectError(WebTestClient.ResponseSpec answer, int status, String error) {
    answer
        .expectStatus()
        .isEqualTo(status)
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo(error)
        .jsonPath("$.status")
        .isEqualTo(status);
  }

  private static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
