package com.ticketbounty.systemtests;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.ticketbounty.eventruntime.internal.FieldCipher;
import com.ticketbounty.eventruntime.internal.SensitiveFields;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Listens on the test system's event exchange as one more consumer would: a queue of its own, bound
 * to the event names a test cares about. Sealed fields are opened with the development key the test
 * system runs on, as a consuming function would see them.
 */
final class EventTap implements AutoCloseable {
  private static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdCE=";

  private final Connection connection;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final SensitiveFields sensitive =
      new SensitiveFields(FieldCipher.fromBase64(DEVELOPMENT_KEY), Http.JSON);

  private EventTap(Connection connection) {
    this.connection = connection;
  }

  static EventTap on(RunCommand system, String... eventNames) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    EventTap tap = new EventTap(factory.newConnection("system-test-tap"));
    Channel channel = tap.connection.createChannel();
    String queue = channel.queueDeclare().getQueue(); // exclusive, gone with the connection
    for (String name : eventNames) {
      channel.queueBind(queue, system.instance() + ".events", name);
    }
    channel.basicConsume(
        queue,
        true,
        (tag, delivery) ->
            tap.received.add(
                Http.JSON.readTree(new String(delivery.getBody(), StandardCharsets.UTF_8))),
        tag -> {});
    return tap;
  }

  /** The first event named {@code name} whose data (sealed fields opened) matches. */
  JsonNode await(String name, Predicate<JsonNode> data) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> find(name, data), found -> found != null);
  }

  /** Every event named {@code name} whose data matches, so far. */
  List<JsonNode> all(String name, Predicate<JsonNode> data) {
    return received.stream()
        .filter(event -> event.path("name").asString().equals(name))
        .map(this::opened)
        .filter(event -> data.test(event.get("data")))
        .toList();
  }

  private JsonNode find(String name, Predicate<JsonNode> data) {
    return all(name, data).stream().findFirst().orElse(null);
  }

  private JsonNode opened(JsonNode event) {
    ObjectNode copy = (ObjectNode) event.deepCopy();
    try {
      copy.set("data", sensitive.open(event.get("data")));
    } catch (Exception e) {
      throw new IllegalStateException("a sealed field does not open with the development key", e);
    }
    return copy;
  }

  @Override
  public void close() throws Exception {
    connection.close();
  }
}
