package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@SpringBootTest(classes = EventRuntimeStarterTest.App.class)
class EventRuntimeStarterTest {
  private static final TestDatabase DATABASE = TestDatabase.create("starter");
  private static final TestRabbit RABBIT = new TestRabbit();
  static final Map<String, AtomicInteger> RECEIVED = new ConcurrentHashMap<>();
  static final List<String> SECRETS = new java.util.concurrent.CopyOnWriteArrayList<>();
  static final java.util.Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

  @Autowired TransactionalEventPublisher publisher;
  @Autowired ReactiveTransactionManager transactions;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired com.ticketbounty.eventruntime.spi.DeadLetterStore deadLetters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    JdbcClient.create(DATABASE.dataSource())
        .sql("CREATE TABLE recorded_things (thing_id text NOT NULL, transaction_id text NOT NULL)")
        .update();
    TestService.register(registry, "starter-test", DATABASE, RABBIT);
  }

  @AfterAll
  static void cleanUp() {
    String queue = RABBIT.prefix() + "starter-test.thing-happened";
    String secrets = RABBIT.prefix() + "starter-test.secret-shared";
    String recorded = RABBIT.prefix() + "starter-test.thing-recorded";
    RABBIT.delete(
        List.of(queue, queue + ".dlq", secrets, secrets + ".dlq", recorded, recorded + ".dlq"),
        List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Test
  void deliversAnEventPublishedInACommittedTransactionOnce() {
    String thing = "committed-" + System.nanoTime();

    inTransaction(publisher.publish(thing, new ThingHappened(thing), new EventUser("u-1"))).block();

    await().atMost(Duration.ofSeconds(20)).until(() -> received(thing) == 1);
    assertThat(outboxRows(thing, "published_at IS NOT NULL")).isEqualTo(1);
  }

  @Test
  void aHandlersJdbcWritesJoinTheInboxTransaction() {
    String thing = "joined-" + System.nanoTime();

    inTransaction(publisher.publish(thing, new ThingHappened(thing), null)).block();

    await().atMost(Duration.ofSeconds(20)).until(() -> recorded(thing) == 1);
    assertThat(
            JdbcClient.create(dataSource)
                .sql(
                    "SELECT r.transaction_id = i.xmin::text FROM recorded_things r"
                        + " JOIN event_runtime.inbox i ON i.subscription = 'thing-recorded'"
                        + " AND i.event_id = (SELECT event_id FROM event_runtime.outbox"
                        + " WHERE aggregate_key = ?) WHERE r.thing_id = ?")
                .param(thing)
                .param(thing)
                .query(Boolean.class)
                .single())
        .as("the handler wrote in the transaction that recorded the inbox row")
        .isTrue();
  }

  @Test
  void rollsBackAHandlersWritesWithTheInboxRowWhenItFails() {
    String thing = "fail-once-" + System.nanoTime();

    inTransaction(publisher.publish(thing, new ThingHappened(thing), null)).block();

    await().atMost(Duration.ofSeconds(20)).until(() -> FAILED_ONCE.contains(thing));
    await().atMost(Duration.ofSeconds(20)).until(() -> inboxRows("thing-recorded", thing) == 1);
    assertThat(recorded(thing))
        .as("the failed attempt's row went with its transaction")
        .isEqualTo(1);
  }

  private long recorded(String thing) {
    return JdbcClient.create(dataSource)
        .sql("SELECT count(*) FROM recorded_things WHERE thing_id = ?")
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

  @Test
  void neverDeliversAnEventWhoseTransactionRolledBack() {
    String rolledBack = "rolled-back-" + System.nanoTime();
    String marker = "marker-" + System.nanoTime();

    Mono<Object> failing =
        publisher
            .publish(rolledBack, new ThingHappened(rolledBack), null)
            .then(Mono.error(new IllegalStateException("the use case failed after publishing")));
    inTransaction(failing).onErrorComplete().block();
    inTransaction(publisher.publish(marker, new ThingHappened(marker), null)).block();

    await().atMost(Duration.ofSeconds(20)).until(() -> received(marker) == 1);
    assertThat(received(rolledBack)).isZero();
    assertThat(outboxRows(rolledBack, "true")).isZero();
  }

  @Test
  void keepsAPoisonMessageAmongTheServicesDeadLetters() throws Exception {
    try (com.rabbitmq.client.Connection connection =
            RABBIT.connectionFactory().newConnection("starter-test-poison");
        com.rabbitmq.client.Channel channel = connection.createChannel()) {
      channel.basicPublish(
          RABBIT.prefix() + "events",
          "test/thing.happened",
          null,
          "{\"not\": \"an event\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                deadLetters.list(10).stream()
                    .anyMatch(
                        kept ->
                            kept.letter().queue().endsWith("starter-test.thing-happened")
                                && kept.letter().reason().contains("'id'")));
  }

  @Test
  void keepsASensitiveFieldOutOfTheOutboxAndTheBrokerYetHandsItToTheConsumer() throws Exception {
    String thing = "secret-" + System.nanoTime();
    String watch = RABBIT.prefix() + "watch-secrets";
    try (com.rabbitmq.client.Connection connection =
            RABBIT.connectionFactory().newConnection("starter-test-watch");
        com.rabbitmq.client.Channel channel = connection.createChannel()) {
      channel.queueDeclare(watch, false, false, true, null);
      channel.queueBind(watch, RABBIT.prefix() + "events", "test/secret.shared");

      inTransaction(publisher.publish(thing, new SecretShared(thing, "hunter2-" + thing), null))
          .block();

      await().atMost(Duration.ofSeconds(20)).until(() -> SECRETS.contains("hunter2-" + thing));
      String outboxBody =
          JdbcClient.create(dataSource)
              .sql("SELECT body FROM event_runtime.outbox WHERE aggregate_key = ?")
              .param(thing)
              .query(String.class)
              .single();
      assertThat(outboxBody).contains(thing).contains("$enc").doesNotContain("hunter2");
      com.rabbitmq.client.GetResponse onTheWire = channel.basicGet(watch, true);
      assertThat(new String(onTheWire.getBody(), java.nio.charset.StandardCharsets.UTF_8))
          .contains(thing)
          .doesNotContain("hunter2");
    }
  }

  @Test
  void anEventPublishedInTwoMajorsReachesAConsumerOfOneOnceAndDeadLettersNothing() {
    String thing = "majors-" + System.nanoTime();
    String marker = "after-majors-" + System.nanoTime();

    inTransaction(
            publisher.publishInMajors(
                thing, List.of(new ThingHappened(thing), new ThingHappenedV2(thing, "more")), null))
        .block();
    inTransaction(publisher.publish(marker, new ThingHappened(marker), null)).block();

    await().atMost(Duration.ofSeconds(20)).until(() -> received(marker) == 1);
    assertThat(received(thing)).isEqualTo(1);
    assertThat(
            JdbcClient.create(dataSource)
                .sql(
                    "SELECT headers ->> 'x-event-majors' FROM event_runtime.outbox"
                        + " WHERE aggregate_key = ? ORDER BY seq")
                .param(thing)
                .query(String.class)
                .list())
        .containsExactly("1,2", "1,2");
    assertThat(deadLetters.list(100))
        .noneSatisfy(
            kept ->
                assertThat(
                        new String(kept.letter().body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains(thing));
  }

  @Test
  void refusesToPublishMajorsOfDifferentEventsOrTheSameMajorTwice() {
    String thing = "bad-majors-" + System.nanoTime();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                inTransaction(
                        publisher.publishInMajors(
                            thing,
                            List.of(new ThingHappened(thing), new SecretShared(thing, "s")),
                            null))
                    .block())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one event");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                inTransaction(
                        publisher.publishInMajors(
                            thing,
                            List.of(new ThingHappened(thing), new ThingHappened(thing)),
                            null))
                    .block())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAJOR 1 is given twice");
    assertThat(outboxRows(thing, "true")).isZero();
  }

  @Test
  void refusesToPublishOutsideATransaction() {
    String thing = "loose-" + System.nanoTime();

    Mono<?> loose = publisher.publish(thing, new ThingHappened(thing), null);

    org.assertj.core.api.Assertions.assertThatThrownBy(loose::block)
        .hasMessageContaining("inside a reactive transaction");
    assertThat(outboxRows(thing, "true")).isZero();
  }

  private <T> Mono<T> inTransaction(Mono<T> work) {
    return TransactionalOperator.create(transactions).transactional(work);
  }

  private static int received(String thing) {
    return RECEIVED.getOrDefault(thing, new AtomicInteger()).get();
  }

  private long outboxRows(String aggregate, String condition) {
    return JdbcClient.create(dataSource)
        .sql("SELECT count(*) FROM event_runtime.outbox WHERE aggregate_key = ? AND " + condition)
        .param(aggregate)
        .query(Long.class)
        .single();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    Subscription<SecretShared> secretShared() {
      return new Subscription<>(
          "secret-shared", SecretShared.class, delivery -> SECRETS.add(delivery.data().secret()));
    }

    /** Writes with plain JdbcClient, as a projection would; fails the first time when told to. */
    @Bean
    Subscription<ThingHappened> thingRecorded(javax.sql.DataSource dataSource) {
      JdbcClient jdbc = JdbcClient.create(dataSource);
      return new Subscription<>(
          "thing-recorded",
          ThingHappened.class,
          delivery -> {
            String thing = delivery.data().thingId();
            jdbc.sql(
                    "INSERT INTO recorded_things (thing_id, transaction_id)"
                        + " VALUES (?, pg_current_xact_id()::xid::text)")
                .param(thing)
                .update();
            if (thing.startsWith("fail-once-") && FAILED_ONCE.add(thing)) {
              throw new IllegalStateException("failing once after writing");
            }
          });
    }

    @Bean
    Subscription<ThingHappened> thingHappened() {
      return new Subscription<>(
          "thing-happened",
          ThingHappened.class,
          delivery ->
              RECEIVED
                  .computeIfAbsent(delivery.data().thingId(), k -> new AtomicInteger())
                  .incrementAndGet());
    }
  }
}
