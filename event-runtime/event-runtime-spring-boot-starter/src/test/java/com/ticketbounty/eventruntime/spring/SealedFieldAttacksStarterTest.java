package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Attacks on sealed fields over the real PostgreSQL and RabbitMQ. A sealed value taken from a real
 * event and put into another event — another id of the same name, or an event of another name whose
 * field has the same name — is refused by both kinds of consumer (a subscription and a durable
 * function) and kept among the dead letters with a reason naming the field; so is a
 * {@code @Sensitive} field that arrives in clear.
 */
@SpringBootTest(classes = SealedFieldAttacksStarterTest.App.class)
class SealedFieldAttacksStarterTest {
  private static final TestDatabase DATABASE = TestDatabase.create("starter_attacks");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final String SERVICE = "attacks-test";
  private static final List<String> QUEUES =
      List.of("secret-kept", "secret-mailed", "forwarded-kept");

  @Autowired TransactionalEventPublisher publisher;
  @Autowired ReactiveTransactionManager transactions;
  @Autowired DataSource dataSource;
  @Autowired DeadLetterStore deadLetters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestService.register(registry, SERVICE, DATABASE, RABBIT);
  }

  /**
   * A raw message published before the service's queues are declared and bound would be dropped by
   * the exchange: wait until every queue has its consumer.
   */
  @BeforeEach
  void awaitConsumers() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                QUEUES.stream()
                    .allMatch(
                        queue -> RABBIT.consumers(RABBIT.prefix() + SERVICE + "." + queue) > 0));
  }

  @AfterAll
  static void cleanUp() {
    RABBIT.delete(
        QUEUES.stream()
            .map(queue -> RABBIT.prefix() + SERVICE + "." + queue)
            .flatMap(queue -> List.of(queue, queue + ".dlq").stream())
            .toList(),
        List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Test
  void aSealedFieldCopiedIntoAnotherEventOfTheSameNameIsDeadLettered() throws Exception {
    ObjectNode original = publishedSecret("copied-" + System.nanoTime());
    String thing = "thief-" + System.nanoTime();
    ObjectNode forged = forge(original, original.get("name").asString(), thing);

    publishRaw(forged);

    awaitDeadLetters(forged, "does not open", "secret-kept", "secret-mailed");
    assertThat(SecretConsumers.RECEIVED).noneMatch(received -> received.startsWith(thing));
  }

  @Test
  void aSealedFieldCopiedIntoAnEventOfAnotherNameIsDeadLettered() throws Exception {
    ObjectNode original = publishedSecret("moved-" + System.nanoTime());
    String thing = "mover-" + System.nanoTime();
    ObjectNode forged = forge(original, "test/secret.forwarded", thing);

    publishRaw(forged);

    awaitDeadLetters(forged, "does not open", "forwarded-kept");
    assertThat(SecretConsumers.RECEIVED).noneMatch(received -> received.startsWith(thing));
  }

  @Test
  void aSensitiveFieldInClearIsDeadLettered() throws Exception {
    String thing = "clear-" + System.nanoTime();
    ObjectNode event = JSON.createObjectNode();
    event.put("id", UUID.randomUUID().toString());
    event.put("name", "test/secret.shared");
    event.put("v", "1.0");
    event.put("ts", System.currentTimeMillis());
    event.putObject("data").put("thingId", thing).put("secret", "sent-in-clear");

    publishRaw(event);

    awaitDeadLetters(event, "arrived in clear", "secret-kept", "secret-mailed");
    assertThat(SecretConsumers.RECEIVED).noneMatch(received -> received.startsWith(thing));
  }

  /** Publishes a secret the ordinary way, waits until both consumers had it, returns its body. */
  private ObjectNode publishedSecret(String thing) {
    TransactionalOperator.create(transactions)
        .transactional(publisher.publish(thing, new SecretShared(thing, "hunter2-" + thing), null))
        .block();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                SecretConsumers.RECEIVED.containsAll(
                    List.of(thing + " kept hunter2-" + thing, thing + " mailed hunter2-" + thing)));
    String body =
        JdbcClient.create(dataSource)
            .sql("SELECT body FROM event_runtime.outbox WHERE aggregate_key = ?")
            .param(thing)
            .query(String.class)
            .single();
    return (ObjectNode) JSON.readTree(body);
  }

  /** A new event named {@code name} for {@code thing}, carrying the original's sealed secret. */
  private static ObjectNode forge(ObjectNode original, String name, String thing) {
    ObjectNode forged = original.deepCopy();
    forged.put("id", UUID.randomUUID().toString());
    forged.put("name", name);
    ((ObjectNode) forged.get("data")).put("thingId", thing);
    assertThat(forged.at("/data/secret").has("$enc")).as("a real sealed value").isTrue();
    return forged;
  }

  private void awaitDeadLetters(JsonNode event, String why, String... queues) {
    String id = event.get("id").asString();
    for (String queue : queues) {
      DeadLetterStore.Stored kept =
          await()
              .alias("a dead letter of " + queue)
              .atMost(Duration.ofSeconds(20))
              .until(
                  () ->
                      deadLetters.list(100).stream()
                          .filter(stored -> id.equals(stored.letter().messageId()))
                          .filter(stored -> stored.letter().queue().endsWith("." + queue))
                          .findFirst(),
                  java.util.Optional::isPresent)
              .orElseThrow();
      assertThat(kept.letter().reason())
          .as("the reason names the field")
          .contains("field 'secret'")
          .contains(why);
    }
  }

  private static void publishRaw(JsonNode event) throws Exception {
    SecretConsumers.publishRaw(
        RABBIT,
        event.get("id").asString(),
        event.get("name").asString(),
        JSON.writeValueAsString(event));
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(SecretConsumers.class)
  static class App {
    @Bean
    Subscription<SecretForwarded> forwardedKept() {
      return new Subscription<>(
          "forwarded-kept",
          SecretForwarded.class,
          delivery ->
              SecretConsumers.RECEIVED.add(
                  delivery.data().thingId() + " forwarded " + delivery.data().secret()));
    }
  }
}
