package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import com.ticketbounty.eventruntime.outbox.OutboxRelay;
import com.ticketbounty.eventruntime.outbox.RelaySettings;
import com.ticketbounty.eventruntime.postgres.PostgresOutboxStore;
import com.ticketbounty.eventruntime.spi.MessagePublisher;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.testsupport.TcpProxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox relay on real PostgreSQL publishing through this transport to the real RabbitMQ. */
class OutboxRelayOverRabbitTest {
  private static final RelaySettings FAST =
      new RelaySettings(10, Duration.ofMillis(100), Duration.ofMillis(500));

  private static RabbitTestKit kit;
  private static OutboxDatabase database;

  @BeforeAll
  static void setUp() {
    kit = new RabbitTestKit();
    database = new OutboxDatabase("rabbit_relay");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    database.close();
    kit.close();
  }

  @Test
  void eventWrittenWhileTheBrokerIsCutIsPublishedOnceTheConnectionIsBack() throws Exception {
    String queue = kit.watch("relay-outage", "test/ping");
    try (TcpProxy proxy = TcpProxy.to(kit.rabbit.host(), kit.rabbit.port());
        RabbitConnector connector =
            RabbitConnector.start(kit.settings().withAddress(proxy.host(), proxy.port()));
        RabbitMessagePublisher publisher =
            new RabbitMessagePublisher(connector, Clock.systemUTC());
        OutboxRelay relay =
            new OutboxRelay(new PostgresOutboxStore(database.dataSource()), publisher, FAST)) {
      await().until(connector::isConnected);
      relay.start("relay-outage");
      proxy.cut();

      OutboxMessage written = kit.ping("ticket-1", "written during the outage");
      database.write(written);
      relay.wakeUp();
      await() // the relay keeps trying, and keeps the row while it cannot publish
          .during(Duration.ofSeconds(1))
          .until(() -> database.unsent() == 1 && kit.readyCount(queue) == 0);

      proxy.restore();
      GetResponse received = kit.take(queue, 1).get(0);
      assertThat(received.getProps().getMessageId()).isEqualTo(written.eventId().toString());
      assertThat(RabbitTestKit.text(received)).isEqualTo(written.body());
      await().until(() -> database.unsent() == 0);
    }
  }

  @Test
  void twoRelaysDrainOneOutboxOnceEachAndInOrderPerAggregate() throws Exception {
    String queue = kit.watch("two-relays", "test/ping");
    Map<UUID, String> written = new HashMap<>();
    for (int n = 0; n < 25; n++) {
      for (int aggregate = 0; aggregate < 20; aggregate++) {
        OutboxMessage message = kit.ping("agg-" + aggregate, "agg-" + aggregate + ":" + n);
        database.write(message);
        written.put(message.eventId(), message.aggregateKey());
      }
    }
    CountDownLatch firstIsHolding = new CountDownLatch(1);
    CountDownLatch secondHasPublished = new CountDownLatch(1);
    AtomicInteger byFirst = new AtomicInteger();
    AtomicInteger bySecond = new AtomicInteger();
    // The first relay holds its first batch, reserved, until the second has published: both
    // provably drain at once, and the second must skip the first's aggregates.
    Hook holdFirstBatch =
        () -> {
          firstIsHolding.countDown();
          secondHasPublished.await(20, TimeUnit.SECONDS);
        };
    try (RabbitConnector first = RabbitConnector.start(kit.settings());
        RabbitConnector second = RabbitConnector.start(kit.settings());
        OutboxRelay relayA = relay(first, byFirst, holdFirstBatch, () -> {});
        OutboxRelay relayB = relay(second, bySecond, () -> {}, secondHasPublished::countDown)) {
      await().until(() -> first.isConnected() && second.isConnected());
      relayA.start("relay-a");
      assertThat(firstIsHolding.await(10, TimeUnit.SECONDS)).isTrue();
      relayB.start("relay-b");

      List<GetResponse> received = kit.take(queue, written.size());

      List<UUID> ids =
          received.stream().map(r -> UUID.fromString(r.getProps().getMessageId())).toList();
      assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written.keySet());
      Map<String, List<Integer>> orderSeen = new HashMap<>();
      for (GetResponse response : received) {
        String text = kit.codec.decode(response.getBody()).data().get("text").asString();
        String[] parts = text.split(":");
        orderSeen
            .computeIfAbsent(parts[0], key -> new ArrayList<>())
            .add(Integer.parseInt(parts[1]));
      }
      assertThat(orderSeen).hasSize(20);
      orderSeen.forEach((aggregate, seen) -> assertThat(seen).as(aggregate).isSorted().hasSize(25));
      assertThat(byFirst).hasPositiveValue();
      assertThat(bySecond).hasPositiveValue();
      assertThat(byFirst.get() + bySecond.get()).isEqualTo(written.size());
      await().until(() -> database.unsent() == 0);
    }
  }

  @Test
  void holdsNoTransactionAndNoRowLockWhileTheBrokerConfirms() throws Exception {
    String queue = kit.watch("relay-unlocked", "test/ping");
    OutboxMessage written = kit.ping("ticket-unlocked", "confirmed while nothing is locked");
    database.write(written);
    CountDownLatch awaitingConfirms = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    try (RabbitConnector connector = RabbitConnector.start(kit.settings());
        RabbitMessagePublisher rabbit = new RabbitMessagePublisher(connector, Clock.systemUTC());
        OutboxRelay relay =
            new OutboxRelay(
                new PostgresOutboxStore(database.dataSource()),
                confirmsHeldUntil(rabbit, awaitingConfirms, checked),
                FAST)) {
      await().until(connector::isConnected);
      relay.start("relay-unlocked");
      assertThat(awaitingConfirms.await(20, TimeUnit.SECONDS)).isTrue();

      assertThat(database.unsent()).as("the batch is still in flight").isOne();
      assertThat(
              database.count(
                  "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                      + " AND state LIKE 'idle in transaction%'"))
          .as("connections left in an open transaction")
          .isZero();
      assertThat(lockedAtOnce(written.eventId())).as("the row is free to lock").isTrue();
      checked.countDown();

      GetResponse received = kit.take(queue, 1).get(0);
      assertThat(received.getProps().getMessageId()).isEqualTo(written.eventId().toString());
      await().until(() -> database.unsent() == 0);
    }
  }

  /** Locks the event's outbox row with {@code NOWAIT}: false when someone else holds it. */
  private static boolean lockedAtOnce(UUID eventId) throws Exception {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement lock =
          connection.prepareStatement(
              "SELECT seq FROM event_runtime.outbox WHERE event_id = ? FOR UPDATE NOWAIT")) {
        lock.setObject(1, eventId);
        try (ResultSet row = lock.executeQuery()) {
          return row.next();
        }
      } catch (SQLException e) {
        if ("55P03".equals(e.getSQLState())) { // lock_not_available
          return false;
        }
        throw e;
      } finally {
        connection.rollback();
      }
    }
  }

  /**
   * Publishes through {@code rabbit}, but answers the broker's confirms only once the test has
   * {@code checked}: while the relay waits for them, the test looks at the database.
   */
  private static MessagePublisher confirmsHeldUntil(
      RabbitMessagePublisher rabbit, CountDownLatch awaitingConfirms, CountDownLatch checked) {
    return new MessagePublisher() {
      @Override
      public Set<UUID> publish(List<OutboxMessage> batch) throws InterruptedException {
        return send(batch).await();
      }

      @Override
      public Confirms send(List<OutboxMessage> batch) {
        Confirms confirms = rabbit.send(batch);
        return () -> {
          awaitingConfirms.countDown();
          checked.await(20, TimeUnit.SECONDS);
          return confirms.await();
        };
      }

      @Override
      public void close() {
        rabbit.close();
      }
    };
  }

  private static OutboxRelay relay(
      RabbitConnector connector, AtomicInteger published, Hook beforePublish, Hook afterConfirm) {
    RabbitMessagePublisher rabbit = new RabbitMessagePublisher(connector, Clock.systemUTC());
    MessagePublisher counting =
        new MessagePublisher() {
          private boolean first = true;

          @Override
          public Set<UUID> publish(List<OutboxMessage> batch) throws InterruptedException {
            if (first) {
              first = false;
              beforePublish.run();
            }
            Set<UUID> confirmed = rabbit.publish(batch);
            published.addAndGet(confirmed.size());
            if (!confirmed.isEmpty()) {
              afterConfirm.run();
            }
            return confirmed;
          }

          @Override
          public void close() {
            rabbit.close();
          }
        };
    return new OutboxRelay(new PostgresOutboxStore(database.dataSource()), counting, FAST);
  }

  @FunctionalInterface
  private interface Hook {
    void run() throws InterruptedException;
  }
}
