package com.ticketbounty.eventruntime.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What a projection is promised, whichever consumer takes its queue: each subclass runs these
 * against a service whose {@code event-runtime.projections.consumer} is its own, on the machine's
 * RabbitMQ and PostgreSQL. Both consumers run one handler at a time here ({@code
 * event-runtime.consumer.threads=1}) and take a queue's messages in order, so an event published
 * after others is applied after them.
 */
abstract class ProjectionContract {
  static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();
  static final List<String> SECRETS = new CopyOnWriteArrayList<>();

  @Autowired EventCodec codec;
  @Autowired DataSource dataSource;
  @Autowired DeadLetterStore deadLetters;
  @Autowired TransactionalEventPublisher publisher;
  @Autowired ReactiveTransactionManager transactions;

  abstract TestRabbit rabbit();

  abstract String service();

  static void register(
      DynamicPropertyRegistry registry,
      String service,
      TestDatabase database,
      TestRabbit rabbit,
      ProjectionConsumer consumer) {
    createTables(database);
    registry.add("spring.application.name", () -> service);
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::user);
    registry.add("spring.r2dbc.url", database::r2dbcUrl);
    registry.add("spring.r2dbc.username", database::user);
    registry.add("event-runtime.name-prefix", rabbit::prefix);
    registry.add("event-runtime.consumer.threads", () -> "1");
    registry.add("event-runtime.consumer.delivery-limit", () -> "3");
    registry.add("event-runtime.projections.consumer", consumer::name);
  }

  /** The tables {@link App}'s projections write. */
  static void createTables(TestDatabase database) {
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    jdbc.sql("CREATE TABLE recorded_things (thing_id text NOT NULL, transaction_id text NOT NULL)")
        .update();
    jdbc.sql("CREATE TABLE counted_things (thing_id text NOT NULL, transaction_id text NOT NULL)")
        .update();
  }

  static void cleanUp(TestRabbit rabbit, String service) {
    List<String> queues =
        List.of("thing-recorded", "thing-counted", "secret-kept").stream()
            .map(id -> rabbit.prefix() + service + "." + id)
            .flatMap(queue -> List.of(queue, queue + ".dlq").stream())
            .toList();
    rabbit.delete(queues, List.of(rabbit.prefix() + "events", rabbit.prefix() + "events.dlx"));
  }

  @Test
  void appliesAnEventDeliveredTwiceOnceWithItsInboxRowInTheHandlersTransaction() throws Exception {
    String thing = "twice-" + System.nanoTime();
    String after = "after-" + System.nanoTime();
    EventEnvelope envelope = codec.envelope(new ThingHappened(thing), null);
    byte[] event = codec.encode(envelope).getBytes(StandardCharsets.UTF_8);

    publishRaw("test/thing.happened", event);
    publishRaw("test/thing.happened", event);
    publishRaw("test/thing.happened", encoded(new ThingHappened(after)));

    await().atMost(Duration.ofSeconds(30)).until(() -> rows("recorded_things", after) == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> rows("counted_things", after) == 1);
    assertThat(rows("recorded_things", thing)).as("JDBC projection").isEqualTo(1);
    assertThat(rows("counted_things", thing)).as("R2DBC projection").isEqualTo(1);
    assertThat(writtenWithTheInboxRow("recorded_things", "thing-recorded", envelope, thing))
        .as("the JDBC projection wrote in the transaction that recorded the inbox row")
        .isTrue();
    assertThat(writtenWithTheInboxRow("counted_things", "thing-counted", envelope, thing))
        .as("the R2DBC projection wrote in the transaction that recorded the inbox row")
        .isTrue();
  }

  @Test
  void rollsBackAFailedHandlersWriteAndAppliesTheEventOnItsRedelivery() {
    String thing = "fail-once-" + System.nanoTime();

    inTransaction(publisher.publish(thing, new ThingHappened(thing), null)).block();

    await().atMost(Duration.ofSeconds(30)).until(() -> inboxRows("thing-recorded", thing) == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> inboxRows("thing-counted", thing) == 1);
    assertThat(FAILED_ONCE).contains("recorded:" + thing, "counted:" + thing);
    assertThat(rows("recorded_things", thing))
        .as("the failed attempt's row went with its transaction")
        .isEqualTo(1);
    assertThat(rows("counted_things", thing)).isEqualTo(1);
  }

  @Test
  void deadLettersAMessageThatCanNeverBeReadWithItsReason() throws Exception {
    String marker = "not-an-event-" + System.nanoTime();
    String notAnEvent = "{\"not\": \"" + marker + "\"}";
    EventEnvelope nextMajor = codec.envelope(new ThingHappened("major-" + System.nanoTime()), null);
    String unknownMajor = codec.encode(nextMajor).replace("\"v\":\"1.2\"", "\"v\":\"2.0\"");

    publishRaw("test/thing.happened", notAnEvent.getBytes(StandardCharsets.UTF_8));
    publishRaw("test/thing.happened", unknownMajor.getBytes(StandardCharsets.UTF_8));
    publishRaw(
        "test/secret.shared",
        codec
            .encode(codec.envelope(new ThingHappened("clear-" + System.nanoTime()), null))
            .replace("test/thing.happened", "test/secret.shared")
            .replace("\"thingId\"", "\"secret\":\"in clear\",\"thingId\"")
            .getBytes(StandardCharsets.UTF_8));

    String recorded = rabbit().prefix() + service() + ".thing-recorded";
    await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(recorded, marker) != null);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> deadLetter(recorded, nextMajor.id().toString()) != null);
    assertThat(deadLetter(recorded, nextMajor.id().toString()))
        .contains("unknown MAJOR version 2.0");
    assertThat(deadLetter(recorded, marker)).contains("'id'");
    String secrets = rabbit().prefix() + service() + ".secret-kept";
    await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(secrets, "in clear") != null);
    assertThat(deadLetter(secrets, "in clear"))
        .contains("sensitive field 'secret'")
        .contains("arrived in clear");
  }

  @Test
  void dropsAMessageThatKeepsFailingIntoTheDeadLettersThroughTheDeliveryLimit() {
    String thing = "always-fails-" + System.nanoTime();

    inTransaction(publisher.publish(thing, new ThingHappened(thing), null)).block();

    String recorded = rabbit().prefix() + service() + ".thing-recorded";
    await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(recorded, thing) != null);
    assertThat(inboxRows("thing-recorded", thing)).isZero();
    assertThat(rows("recorded_things", thing)).isZero();
  }

  @Test
  void opensASensitiveFieldForTheProjection() {
    String thing = "secret-" + System.nanoTime();

    inTransaction(publisher.publish(thing, new SecretShared(thing, "hunter2-" + thing), null))
        .block();

    await().atMost(Duration.ofSeconds(30)).until(() -> SECRETS.contains("hunter2-" + thing));
  }

  byte[] encoded(Object contract) {
    return codec.encode(codec.envelope(contract, null)).getBytes(StandardCharsets.UTF_8);
  }

  void publishRaw(String routingKey, byte[] body) throws Exception {
    try (Connection connection = rabbit().connectionFactory().newConnection("projection-test");
        Channel channel = connection.createChannel()) {
      channel.confirmSelect();
      channel.basicPublish(rabbit().prefix() + "events", routingKey, null, body);
      channel.waitForConfirmsOrDie(10_000);
    }
  }

  /** The reason of the dead letter from {@code queue} whose body contains {@code marker}. */
  private String deadLetter(String queue, String marker) {
    return deadLetters.list(100).stream()
        .map(DeadLetterStore.Stored::letter)
        .filter(letter -> letter.queue().equals(queue))
        .filter(letter -> new String(letter.body(), StandardCharsets.UTF_8).contains(marker))
        .map(letter -> letter.reason())
        .findFirst()
        .orElse(null);
  }

  private long rows(String table, String thing) {
    return JdbcClient.create(dataSource)
        .sql("SELECT count(*) FROM " + table + " WHERE thing_id = ?")
        .param(thing)
        .query(Long.class)
        .single();
  }

  private long inboxRows(String subscription, String thing) {
    return JdbcClient.create(dataSource)
        .sql(
            "SELECT count(*) FROM event_runtime.inbox WHERE subscription = ? AND event_id ="
                + " (SELECT event_id FROM event_runtime.outbox WHERE aggregate_key = ?)")
        .param(subscription)
        .param(thing)
        .query(Long.class)
        .single();
  }

  private boolean writtenWithTheInboxRow(
      String table, String subscription, EventEnvelope event, String thing) {
    return JdbcClient.create(dataSource)
        .sql(
            "SELECT t.transaction_id = i.xmin::text FROM "
                + table
                + " t JOIN event_runtime.inbox i ON i.subscription = ? AND i.event_id = ?"
                + " WHERE t.thing_id = ?")
        .param(subscription)
        .param(event.id())
        .param(thing)
        .query(Boolean.class)
        .single();
  }

  private <T> Mono<T> inTransaction(Mono<T> work) {
    return TransactionalOperator.create(transactions).transactional(work);
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    /** Writes with JdbcClient; fails once, or always, when the thing says so. */
    @Bean
    Projection<ThingHappened> thingRecorded(DataSource dataSource) {
      JdbcClient jdbc = JdbcClient.create(dataSource);
      return Projection.of(
          ThingHappened.class,
          delivery -> {
            String thing = delivery.data().thingId();
            jdbc.sql(
                    "INSERT INTO recorded_things (thing_id, transaction_id)"
                        + " VALUES (?, pg_current_xact_id()::xid::text)")
                .param(thing)
                .update();
            if (thing.startsWith("always-fails-")
                || (thing.startsWith("fail-once-") && FAILED_ONCE.add("recorded:" + thing))) {
              throw new IllegalStateException("failing after writing");
            }
          });
    }

    /** Writes with R2DBC; fails once when the thing says so. */
    @Bean
    Projection<ThingHappened> thingCounted(DatabaseClient database) {
      return Projection.reactive(
          ThingHappened.class,
          delivery -> {
            String thing = delivery.data().thingId();
            Mono<Void> write =
                database
                    .sql(
                        "INSERT INTO counted_things (thing_id, transaction_id)"
                            + " VALUES (:thing, pg_current_xact_id()::xid::text)")
                    .bind("thing", thing)
                    .then();
            return thing.startsWith("fail-once-") && FAILED_ONCE.add("counted:" + thing)
                ? write.then(Mono.error(new IllegalStateException("failing after writing")))
                : write;
          });
    }

    @Bean
    Projection<SecretShared> secretKept() {
      return Projection.of(SecretShared.class, delivery -> SECRETS.add(delivery.data().secret()));
    }
  }
}
