package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JWKS, the claims of an access token, and key rotation. */
class SigningKeysTest extends IdentityServiceTest {

  @Test
  void signsAccessTokensWithTheClaimsEveryServiceVerifies() throws Exception {
    Api.Account account = api.signUp();

    SignedJWT jwt = SignedJWT.parse(account.accessToken());
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    RSAKey key = (RSAKey) Jwks.of(client).getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).isNotNull();
    assertThat(key.isPrivate()).isFalse();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getClaims().keySet())
        .containsExactlyInAnyOrder(
            "iss", "sub", "sid", "role", "username", "email", "iat", "exp", "jti");
    assertThat(claims.getIssuer()).isEqualTo("ticketbounty-identity");
    assertThat(claims.getSubject()).isEqualTo(account.id().toString());
    UUID sessionId = UUID.fromString(claims.getStringClaim("sid"));
    assertThat(count("sessions WHERE id = ? AND user_id = ?", sessionId, account.id()))
        .isEqualTo(1);
    assertThat(claims.getStringClaim("role")).isEqualTo("USER");
    assertThat(claims.getStringClaim("username")).isEqualTo(account.username());
    assertThat(claims.getStringClaim("email")).isEqualTo(account.email());
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(claims.getJWTID()).isNotBlank();
  }

  @Test
  void rotationSignsWithANewKeyWhileTokensOfTheOldOneKeepWorking() throws Exception {
    Api.Account admin =
        api.signUpAdmin("root" + UUID.randomUUID().toString().substring(0, 4), "root@example.com");
    Api.Account user = api.signUp();
    String oldKid = SignedJWT.parse(user.accessToken()).getHeader().getKeyID();

    JsonNode rotated =
        api.postWithoutBody("/internal/identity/signing-keys/rotate", admin.accessToken())
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    String newKid = rotated.get("kid").asString();

    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(Jwks.of(client).getKeys()).extracting(k -> k.getKeyID()).contains(oldKid, newKid);
    api.account(user.accessToken()).expectStatus().isOk();
    Api.Account later = api.signUp();
    assertThat(SignedJWT.parse(later.accessToken()).getHeader().getKeyID()).isEqualTo(newKid);
    api.account(later.accessToken()).expectStatus().isOk();
    assertThat(count("signing_keys WHERE retired_at IS NULL")).isEqualTo(1);
    assertThat(count("audit_log WHERE user_id = ? AND action = 'signing-key-rotated'", admin.id()))
        .isEqualTo(1);
  }

  @Test
  void onlyAnAdministratorRotates() {
    Api.Account user = api.signUp();
    long keys = count("signing_keys");

    expectProblem(
        api.postWithoutBody("/internal/identity/signing-keys/rotate", user.accessToken()), 403);
    assertThat(count("signing_keys")).isEqualTo(keys);
  }

  @Test
  void publishesOnlyPublicKeys() {
    String body =
        new String(
            client
                .get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody(),
            java.nio.charset.StandardCharsets.UTF_8);
    for (String privatePart : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"")) {
      assertThat(body).doesNotContain(privatePart);
    }
    assertThat(body).contains("\"kty\":\"RSA\"", "\"kid\"");
  }
}
