package com.ticketbounty.identity.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.ticketbounty.identity.adapter.out.security.KeyEncryptionKeys;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * identity's signing keys at rest: no row holds private key material in clear, a database an
 * earlier version wrote is sealed by the upgrade without breaking the tokens it signed, and the
 * key-encryption key rotates.
 */
class SigningKeysAtRestTest {
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final List<TestDatabase> DATABASES = new ArrayList<>();
  private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi");

  @AfterAll
  static void cleanUp() {
    String prefix = RABBIT.prefix();
    String audit = prefix + "identity-service.password-changed-audit";
    try {
      RABBIT.delete(
          List.of(audit, audit + ".dlq"), List.of(prefix + "events", prefix + "events.dlx"));
    } finally {
      DATABASES.forEach(TestDatabase::close);
    }
  }

  @Test
  void theUpgradeSealsAKeyAnEarlierVersionStoredInClearAndItsTokensStillVerify() throws Exception {
    TestDatabase database = database("identity_old_keys");
    // The database as identity-service left it before keys were sealed: V1 and V2.
    Flyway.configure().dataSource(database.dataSource()).target("2").load().migrate();
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    RSAKey key =
        new RSAKeyGenerator(2048)
            .keyID(UUID.randomUUID().toString())
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .generate();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql("INSERT INTO signing_keys (kid, jwk, created_at) VALUES (?, ?, ?)")
        .params(key.getKeyID(), key.toJSONString(), Timestamp.from(now))
        .update();
    OldAccount old = OldAccount.insert(jdbc, now);
    String token = old.accessToken(key, now);
    assertThat(clearPrivateMembers(jdbc)).isNotEmpty();

    try (IdentityInstance identity = IdentityInstance.start(database, RABBIT)) {
      assertThat(clearPrivateMembers(jdbc)).isEmpty();
      assertThat(rowsText(jdbc))
          .doesNotContain(
              key.getPrivateExponent().toString(),
              key.getFirstPrimeFactor().toString(),
              key.getSecondPrimeFactor().toString());

      identity
          .client()
          .get()
          .uri("/api/account")
          .headers(headers -> headers.setBearerAuth(token))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.username")
          .isEqualTo(old.username());
      RSAKey published = (RSAKey) Jwks.of(identity.client()).getKeyByKeyId(key.getKeyID());
      assertThat(published).isNotNull();
      assertThat(published.toPublicJWK()).isEqualTo(key.toPublicJWK());
      assertThat(published.isPrivate()).isFalse();
      // The session's refresh token, stored by the earlier version, still refreshes.
      identity
          .client()
          .post()
          .uri("/api/auth/refresh")
          .bodyValue(Map.of("refreshToken", old.refreshToken()))
          .exchange()
          .expectStatus()
          .isOk();
    }
  }

  @Test
  void aNewKeyEncryptionKeySealsEveryKeyAgainAtStartUpAndTheOldOneCanThenBeDropped() {
    TestDatabase database = database("identity_kek_rotation");
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    String first = key("first-key-encryption-key-32bytes");
    String second = key("second-key-encryption-key-32byte");
    String token;
    try (IdentityInstance identity =
        IdentityInstance.start(database, RABBIT, "identity.keys.encryption-key=" + first)) {
      token = signUp(identity.client());
    }
    List<String> sealedBefore = sealedKeys(jdbc);
    assertThat(kekIds(jdbc)).containsOnly(KeyEncryptionKeys.of(first, List.of()).currentId());

    try (IdentityInstance identity =
        IdentityInstance.start(
            database,
            RABBIT,
            "identity.keys.encryption-key=" + second,
            "identity.keys.previous-encryption-keys=" + first)) {
      assertThat(kekIds(jdbc)).containsOnly(KeyEncryptionKeys.of(second, List.of()).currentId());
      assertThat(sealedKeys(jdbc)).doesNotContainAnyElementsOf(sealedBefore);
      assertThat(clearPrivateMembers(jdbc)).isEmpty();
      account(identity.client(), token).expectStatus().isOk();
    }

    // The first key is no longer needed: nothing is sealed with it.
    try (IdentityInstance identity =
        IdentityInstance.start(database, RABBIT, "identity.keys.encryption-key=" + second)) {
      account(identity.client(), token).expectStatus().isOk();
      account(identity.client(), signUp(identity.client())).expectStatus().isOk();
    }
  }

  private static String signUp(WebTestClient client) {
    String name = "k" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode body =
        client
            .post()
            .uri("/api/auth/sign-up")
            .bodyValue(
                Map.of("username", name, "email", name + "@example.com", "password", "password1"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    return body.get("accessToken").asString();
  }

  private static WebTestClient.ResponseSpec account(WebTestClient client, String token) {
    return client
        .get()
        .uri("/api/account")
        .headers(headers -> headers.setBearerAuth(token))
        .exchange();
  }

  private static List<String> kekIds(JdbcClient jdbc) {
    return jdbc.sql("SELECT kek_id FROM signing_keys").query(String.class).list();
  }

  private static List<String> sealedKeys(JdbcClient jdbc) {
    return jdbc.sql("SELECT sealed_jwk FROM signing_keys").query(String.class).list();
  }

  private static String key(String text) {
    assertThat(text).hasSize(32);
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Each column of each key row whose JSON names a private RSA member. */
  private static List<String> clearPrivateMembers(JdbcClient jdbc) {
    String text = rowsText(jdbc);
    return PRIVATE_MEMBERS.stream().filter(member -> text.contains("\"" + member + "\"")).toList();
  }

  /** Every column of every signing key row, as text. */
  private static String rowsText(JdbcClient jdbc) {
    return String.join(
        "\n", jdbc.sql("SELECT t::text FROM signing_keys t").query(String.class).list());
  }

  private static TestDatabase database(String purpose) {
    TestDatabase database = TestDatabase.create(purpose);
    DATABASES.add(database);
    return database;
  }

  /** An account and its session, as V1 stored them. */
  private record OldAccount(UUID id, String username, UUID sessionId, String refreshToken) {

    static OldAccount insert(JdbcClient jdbc, Instant now) throws Exception {
      UUID id = UUID.randomUUID();
      String username = "old" + id.toString().substring(0, 6);
      jdbc.sql(
              "INSERT INTO users (id, username, email, password_hash, role,"
                  + " notification_preference, version, created_at, updated_at)"
                  + " VALUES (?, ?, ?, 'x', 'USER', 'immediate', 1, ?, ?)")
          .params(id, username, username + "@example.com", Timestamp.from(now), Timestamp.from(now))
          .update();
      UUID sessionId = UUID.randomUUID();
      String refreshToken = UUID.randomUUID() + "-" + UUID.randomUUID();
      jdbc.sql(
              "INSERT INTO sessions (id, user_id, refresh_token_hash, refresh_expires_at,"
                  + " created_at) VALUES (?, ?, ?, ?, ?)")
          .params(
              sessionId,
              id,
              sha256(refreshToken),
              Timestamp.from(now.plus(Duration.ofDays(30))),
              Timestamp.from(now))
          .update();
      return new OldAccount(id, username, sessionId, refreshToken);
    }

    /** An access token as the earlier version signed it. */
    String accessToken(RSAKey key, Instant now) throws Exception {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              new JWTClaimsSet.Builder()
                  .issuer("ticketbounty-identity")
                  .subject(id.toString())
                  .claim("sid", sessionId.toString())
                  .claim("role", "USER")
                  .claim("username", username)
                  .claim("email", username + "@example.com")
                  .issueTime(Date.from(now))
                  .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                  .jwtID(UUID.randomUUID().toString())
                  .build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    }

    private static String sha256(String text) throws Exception {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
