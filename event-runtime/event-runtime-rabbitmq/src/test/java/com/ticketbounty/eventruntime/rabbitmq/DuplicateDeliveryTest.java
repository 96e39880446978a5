package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.SubscriptionDispatcher;
import com.ticketbounty.eventruntime.postgres.PostgresInboxStore;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** At-least-once publication, processed once: dedup by event id on the real PostgreSQL inbox. */
class DuplicateDeliveryTest {
  private static RabbitTestKit kit;
  private static OutboxDatabase database;

  @BeforeAll
  static void setUp() {
    kit = new RabbitTestKit();
    database = new OutboxDatabase("rabbit_dedup");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    database.close();
    kit.close();
  }

  @Test
  void sameEventDeliveredTwiceRunsTheHandlerOnce() throws Exception {
    String queue = kit.queueOf("dedup");
    AtomicInteger deliveries = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    SubscriptionDispatcher<Ping> dispatcher =
        new SubscriptionDispatcher<>(
            new Subscription<>("dedup", Ping.class, delivery -> runs.incrementAndGet()),
            kit.codec,
            new PostgresInboxStore(database.dataSource()));
    try (RabbitConnector connector = RabbitConnector.start(kit.settings());
        RabbitMessageSource source = new RabbitMessageSource(connector);
        RabbitMessagePublisher publisher =
            new RabbitMessagePublisher(connector, Clock.systemUTC())) {
      source.subscribe(
          "dedup",
          "test/ping",
          message -> {
            var outcome = dispatcher.handle(message);
            deliveries.incrementAndGet();
            return outcome;
          });
      await().until(() -> kit.consumerCount(queue) == 1);
      OutboxMessage event = kit.ping("ticket-1", "once only");

      assertThat(publisher.publish(List.of(event))).containsExactly(event.eventId());
      assertThat(publisher.publish(List.of(event))).containsExactly(event.eventId());

      await().until(() -> deliveries.get() == 2);
      assertThat(runs).hasValue(1);
      assertThat(database.count("SELECT count(*) FROM event_runtime.inbox")).isEqualTo(1);
      source.close();
      await() // both deliveries were acked: closing the channel gives nothing back
          .during(Duration.ofMillis(500))
          .until(() -> kit.readyCount(queue) == 0);
    }
  }
}
