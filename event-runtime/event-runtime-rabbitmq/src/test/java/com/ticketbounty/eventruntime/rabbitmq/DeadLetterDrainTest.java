package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.SubscriptionDispatcher;
import com.ticketbounty.eventruntime.postgres.PostgresDeadLetterStore;
import com.ticketbounty.eventruntime.postgres.PostgresInboxStore;
import com.ticketbounty.eventruntime.spi.DeadLetterStore.Stored;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dead-letter queues drained into PostgreSQL, listed, and redriven — on the real servers. */
class DeadLetterDrainTest {
  private static RabbitTestKit kit;
  private static OutboxDatabase database;
  private static RabbitConnector connector;
  private static PostgresDeadLetterStore store;
  private RabbitMessageSource source;
  private DeadLetterDrain drain;

  @BeforeAll
  static void connect() {
    kit = new RabbitTestKit();
    database = new OutboxDatabase("drain");
    store = new PostgresDeadLetterStore(database.dataSource());
    connector = RabbitConnector.start(kit.settings().withConsumers(10, 2, 2));
    await().until(connector::isConnected);
  }

  @AfterEach
  void stop() {
    drain.close();
    source.close();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    connector.close();
    kit.close();
    database.close();
  }

  @Test
  void keepsAPoisonMessageWithItsReasonAndRedrivesItToItsQueueOnly() {
    String queue = kit.queueOf("drained-poison");
    List<String> handled = new CopyOnWriteArrayList<>();
    start("drained-poison", handled, new AtomicBoolean(false));

    kit.publishRaw("test/ping", "this is not JSON");

    Stored kept = awaitKept(queue);
    assertThat(new String(kept.letter().body(), StandardCharsets.UTF_8))
        .isEqualTo("this is not JSON");
    assertThat(kept.letter().reason()).startsWith("body is not JSON");
    assertThat(kept.letter().headers()).doesNotContainKeys("x-death", "x-death-reason");
    assertThat(kit.readyCount(kit.names.deadLetterQueue(queue))).isZero();

    assertThat(new DeadLetterRedrive(connector, store).redrive(kept.id())).isTrue();

    // Still poison: it dies again, as a new record, and the redriven one is marked.
    await().until(() -> live(queue).stream().anyMatch(s -> s.id() != kept.id()));
    assertThat(store.find(kept.id()).orElseThrow().redrivenAt()).isNotNull();
    assertThat(new DeadLetterRedrive(connector, store).redrive(kept.id())).isFalse();
  }

  @Test
  void keepsAMessageThatReachedTheDeliveryLimitAndRedrivesItOnceFixed() {
    String queue = kit.queueOf("drained-limit");
    List<String> handled = new CopyOnWriteArrayList<>();
    AtomicBoolean fixed = new AtomicBoolean(false);
    start("drained-limit", handled, fixed);
    OutboxMessage message = kit.ping("a", "needs a fix");

    kit.publishRaw("test/ping", message.body());

    Stored kept = awaitKept(queue);
    assertThat(kept.letter().reason()).contains("delivery limit");
    assertThat(handled).isEmpty();

    fixed.set(true);
    new DeadLetterRedrive(connector, store).redrive(kept.id());

    await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("needs a fix"));
    assertThat(live(queue)).isEmpty();
  }

  @Test
  void refusesToRedriveToAQueueThatIsGone() {
    String queue = kit.queueOf("drained-gone");
    start("drained-gone", new CopyOnWriteArrayList<>(), new AtomicBoolean(false));
    kit.publishRaw("test/ping", "not JSON either");
    Stored kept = awaitKept(queue);
    source.close();
    kit.deleteQueue(queue);

    assertThatThrownBy(() -> new DeadLetterRedrive(connector, store).redrive(kept.id()))
        .hasMessageContaining("no longer exists");
    assertThat(store.find(kept.id()).orElseThrow().redrivenAt()).isNull();
  }

  private void start(String subscription, List<String> handled, AtomicBoolean fixed) {
    source = new RabbitMessageSource(connector);
    source.subscribe(
        subscription,
        "test/ping",
        new SubscriptionDispatcher<>(
            new Subscription<>(
                subscription,
                Ping.class,
                delivery -> {
                  if (!fixed.get() && delivery.data().text().equals("needs a fix")) {
                    throw new IllegalStateException("a bug, fixed later");
                  }
                  handled.add(delivery.data().text());
                }),
            kit.codec,
            new PostgresInboxStore(database.dataSource())));
    drain = new DeadLetterDrain(connector, store);
    drain.drain(subscription);
    await().until(() -> kit.consumerCount(kit.names.queue(subscription)) == 1);
    await()
        .until(
            () -> kit.consumerCount(kit.names.deadLetterQueue(kit.names.queue(subscription))) == 1);
  }

  private static Stored awaitKept(String queue) {
    await().atMost(Duration.ofSeconds(20)).until(() -> !live(queue).isEmpty());
    return live(queue).get(0);
  }

  private static List<Stored> live(String queue) {
    return store.list(100).stream().filter(s -> s.letter().queue().equals(queue)).toList();
  }
}
