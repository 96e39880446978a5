package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.FieldCipher;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A rotated event key over the real PostgreSQL and RabbitMQ: the service runs with key B current
 * and the old key A as a previous key. An event another service still seals with A — in the current
 * format, or in the v1 format of a release before this one, still in flight during a rolling deploy
 * — reaches its subscription and its durable function opened; an event it publishes itself is
 * sealed with B and names B's key id.
 */
@SpringBootTest(classes = EventKeyRotationStarterTest.App.class)
class EventKeyRotationStarterTest {
  private static final TestDatabase DATABASE = TestDatabase.create("starter_rotation");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final String SERVICE = "rotation-test";
  private static final String OLD_KEY = key(1);
  private static final String NEW_KEY = key(2);

  @Autowired TransactionalEventPublisher publisher;
  @Autowired ReactiveTransactionManager transactions;
  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestService.register(registry, SERVICE, DATABASE, RABBIT);
    registry.add("event-runtime.encryption-key", () -> NEW_KEY);
    registry.add("event-runtime.previous-encryption-keys", () -> OLD_KEY);
  }

  @AfterAll
  static void cleanUp() {
    RABBIT.delete(
        List.of("secret-kept", "secret-mailed").stream()
            .map(queue -> RABBIT.prefix() + SERVICE + "." + queue)
            .flatMap(queue -> List.of(queue, queue + ".dlq").stream())
            .toList(),
        List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Test
  void anEventSealedWithThePreviousKeyOpensForEveryConsumer() throws Exception {
    String thing = "old-key-" + System.nanoTime();
    EventCodec stillOnTheOldKey =
        new EventCodec(Clock.systemUTC(), FieldCipher.fromBase64(OLD_KEY));
    EventEnvelope event =
        stillOnTheOldKey.envelope(new SecretShared(thing, "s3cret-" + thing), null);

    SecretConsumers.publishRaw(
        RABBIT, event.id().toString(), event.name(), stillOnTheOldKey.encode(event));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                SecretConsumers.RECEIVED.containsAll(
                    List.of(thing + " kept s3cret-" + thing, thing + " mailed s3cret-" + thing)));
  }

  @Test
  void anEventSealedInTheV1FormatOfTheReleaseBeforeStillOpens() throws Exception {
    String thing = "v1-" + System.nanoTime();
    UUID id = UUID.randomUUID();
    String body =
        "{\"id\":\"%s\",\"name\":\"test/secret.shared\",\"v\":\"1.0\",\"ts\":1,\"data\":"
                .formatted(id)
            + "{\"thingId\":\"%s\",\"secret\":{\"$enc\":\"%s\"}}}"
                .formatted(thing, sealedV1(OLD_KEY, "secret", "\"v1-" + thing + "\""));

    SecretConsumers.publishRaw(RABBIT, id.toString(), "test/secret.shared", body);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                SecretConsumers.RECEIVED.containsAll(
                    List.of(thing + " kept v1-" + thing, thing + " mailed v1-" + thing)));
  }

  @Test
  void anEventItPublishesIsSealedWithTheCurrentKeyAndNamesItsId() {
    String thing = "new-key-" + System.nanoTime();

    TransactionalOperator.create(transactions)
        .transactional(publisher.publish(thing, new SecretShared(thing, "fresh-" + thing), null))
        .block();

    String body =
        JdbcClient.create(dataSource)
            .sql("SELECT body FROM event_runtime.outbox WHERE aggregate_key = ?")
            .param(thing)
            .query(String.class)
            .single();
    assertThat(body)
        .contains("\"$enc\":\"v2:" + keyId(NEW_KEY) + ":")
        .doesNotContain(keyId(OLD_KEY))
        .doesNotContain("fresh-");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> SecretConsumers.RECEIVED.contains(thing + " kept fresh-" + thing));
  }

  /** The key id as docs/runbooks/event-encryption-key.md computes it: SHA-256, first 4 bytes. */
  private static String keyId(String base64Key) throws RuntimeException {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64Key));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A value as releases before key ids sealed it ({@code v1:}, the field's name as associated
   * data), written out here rather than taken from the runtime, which no longer seals it.
   */
  private static String sealedV1(String base64Key, String field, String json) throws Exception {
    byte[] nonce = new byte[12];
    new java.security.SecureRandom().nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
        new GCMParameterSpec(128, nonce));
    cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
    byte[] sealed = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
    byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    return "v1:" + Base64.getEncoder().encodeToString(out);
  }

  private static String key(int seed) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) seed);
    return Base64.getEncoder().encodeToString(key);
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(SecretConsumers.class)
  static class App {}
}
