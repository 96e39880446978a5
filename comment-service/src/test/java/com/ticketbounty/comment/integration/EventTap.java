package com.ticketbounty.comment.integration;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A queue of the test's own, bound to the events exchange like any consumer's, that keeps every
 * message it receives: what the service published, as other services receive it.
 */
final class EventTap {
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /**
   * One message as it arrived.
   *
   * @param type the AMQP {@code type} property (the event name)
   * @param messageId the AMQP {@code message_id} (the event id)
   * @param body the body, parsed
   */
  record Received(String type, String messageId, JsonNode body) {
    String name() {
      return body.get("name").asString();
    }

    JsonNode data() {
      return body.get("data");
    }
  }

  private EventTap() {}

  static EventTap bind(Connection broker, String queue, String exchange, String... routingKeys)
      throws IOException {
    EventTap tap = new EventTap();
    Channel channel = broker.createChannel();
    channel.queueDeclare(queue, false, false, false, null);
    for (String routingKey : routingKeys) {
      channel.queueBind(queue, exchange, routingKey);
    }
    channel.basicConsume(
        queue,
        true,
        new DefaultConsumer(channel) {
          @Override
          public void handleDelivery(
              String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            tap.received.add(
                new Received(
                    properties.getType(),
                    properties.getMessageId(),
                    JsonMapper.shared().readTree(new String(body, StandardCharsets.UTF_8))));
          }
        });
    return tap;
  }

  /** The messages of {@code name} whose data has {@code field} = {@code value}, so far. */
  List<Received> of(String name, String field, Object value) {
    return received.stream()
        .filter(message -> message.name().equals(name))
        .filter(message -> message.data().path(field).asString("").equals(value.toString()))
        .toList();
  }

  /** Every message so far whose data has {@code field} = {@code value}, in arrival order. */
  List<Received> all(String field, Object value) {
    return received.stream()
        .filter(message -> message.data().path(field).asString("").equals(value.toString()))
        .toList();
  }

  /** Waits for the first such message and answers it. */
  Received awaitOne(String name, String field, Object value) {
    await().atMost(RunningCommentService.PATIENCE).until(() -> !of(name, field, value).isEmpty());
    return of(name, field, value).get(0);
  }
}
