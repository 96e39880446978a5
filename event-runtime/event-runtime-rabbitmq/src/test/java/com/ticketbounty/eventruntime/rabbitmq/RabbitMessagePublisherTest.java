package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RabbitMessagePublisherTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

  private static RabbitTestKit kit;
  private static RabbitConnector connector;
  private static RabbitMessagePublisher publisher;

  @BeforeAll
  static void connect() {
    kit = new RabbitTestKit();
    connector = RabbitConnector.start(kit.settings());
    publisher = new RabbitMessagePublisher(connector, Clock.fixed(NOW, ZoneOffset.UTC));
    await().until(connector::isConnected);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    publisher.close();
    connector.close();
    kit.close();
  }

  @Test
  void confirmsWholeBatchAndDeliversItInOrderWithWireProperties() throws Exception {
    String queue = kit.watch("all", "#");
    List<OutboxMessage> batch = new ArrayList<>();
    IntStream.range(0, 500).forEach(i -> batch.add(kit.ping("aggregate-" + (i % 7), "n" + i)));

    assertThat(publisher.publish(batch))
        .containsExactlyInAnyOrderElementsOf(batch.stream().map(OutboxMessage::eventId).toList());

    List<GetResponse> received = kit.take(queue, 500);
    assertThat(received)
        .extracting(RabbitTestKit::text)
        .containsExactlyElementsOf(batch.stream().map(OutboxMessage::body).toList());
    OutboxMessage first = batch.get(0);
    AMQP.BasicProperties props = received.get(0).getProps();
    assertThat(props.getMessageId()).isEqualTo(first.eventId().toString());
    assertThat(props.getType()).isEqualTo("test/ping");
    assertThat(props.getContentType()).isEqualTo("application/json");
    assertThat(props.getDeliveryMode()).isEqualTo(2);
    assertThat(props.getTimestamp()).isEqualTo(Date.from(NOW));
    assertThat(props.getAppId()).isEqualTo(RabbitTestKit.SERVICE);
    assertThat(AmqpMessages.stringHeaders(props.getHeaders()))
        .containsEntry("traceparent", RabbitTestKit.TRACE);
    assertThat(received.get(0).getEnvelope().getRoutingKey()).isEqualTo("test/ping");
  }

  @Test
  void routesEachEventByItsName() throws Exception {
    String queue = kit.watch("created-only", "app/ticket.created");
    OutboxMessage created = message("app/ticket.created");
    OutboxMessage updated = message("app/ticket.updated");

    assertThat(publisher.publish(List.of(updated, created))).hasSize(2);

    assertThat(kit.take(queue, 1))
        .singleElement()
        .extracting(response -> response.getProps().getMessageId())
        .isEqualTo(created.eventId().toString());
    assertThat(kit.readyCount(queue)).isZero();
  }

  @Test
  void leavesOutTheMessagesTheBrokerNacks() throws Exception {
    // A full queue that rejects publishes makes the broker nack what it cannot take.
    kit.watch("tiny", "test/tiny", Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
    OutboxMessage first = message("test/tiny");
    OutboxMessage second = message("test/tiny");
    OutboxMessage third = message("test/tiny");

    assertThat(publisher.publish(List.of(first, second, third))).containsExactly(first.eventId());
    assertThat(publisher.publish(List.of(message("app/other")))).hasSize(1);
  }

  @Test
  void answersNothingForAnEmptyBatch() throws Exception {
    assertThat(publisher.publish(List.of())).isEmpty();
  }

  private static OutboxMessage message(String name) {
    return new OutboxMessage(UUID.randomUUID(), name, "ticket-1", "{}", Map.of());
  }
}
