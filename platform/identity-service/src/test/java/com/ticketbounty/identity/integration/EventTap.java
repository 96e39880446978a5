package com.ticketbounty.identity.integration;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import com.ticketbounty.testsupport.TestRabbit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test's own queue on the service's events exchange ({@code <prefix>events}, topic, routing key =
 * event name): every event identity publishes as it arrives at RabbitMQ, read with the plain AMQP
 * client. Exclusive, so it vanishes with the connection.
 */
final class EventTap implements AutoCloseable {
  private final Connection connection;
  private final Queue<JsonNode> received = new ConcurrentLinkedQueue<>();

  private EventTap(Connection connection) {
    this.connection = connection;
  }

  static EventTap open(TestRabbit rabbit, List<String> eventNames) {
    try {
      Connection connection = rabbit.connectionFactory().newConnection("identity-event-tap");
      EventTap tap = new EventTap(connection);
      Channel channel = connection.createChannel();
      String exchange = rabbit.prefix() + "events";
      channel.exchangeDeclare(exchange, "topic", true);
      String queue = channel.queueDeclare().getQueue();
      for (String name : eventNames) {
        channel.queueBind(queue, exchange, name);
      }
      DeliverCallback onMessage =
          (tag, delivery) ->
              tap.received.add(
                  JsonMapper.shared()
                      .readTree(new String(delivery.getBody(), StandardCharsets.UTF_8)));
      channel.basicConsume(queue, true, onMessage, tag -> {});
      return tap;
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("cannot tap the events exchange", e);
    }
  }

  /** Waits for the event named {@code name} whose data matches, and returns its whole body. */
  JsonNode awaitOne(String name, Predicate<JsonNode> data) {
    await().atMost(Duration.ofSeconds(20)).until(() -> !matching(name, data).isEmpty());
    return matching(name, data).get(0);
  }

  /** The events received so far named {@code name} whose data matches. */
  List<JsonNode> matching(String name, Predicate<JsonNode> data) {
    return received.stream()
        .filter(event -> event.get("name").asString().equals(name))
        .filter(event -> data.test(event.get("data")))
        .toList();
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
