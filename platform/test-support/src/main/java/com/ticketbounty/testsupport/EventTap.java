package com.ticketbounty.testsupport;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test's own queue on an events exchange (topic; routing key = event name), keeping every message
 * it receives. A test taps the exchange rather than the outbox so that it sees what consumers see:
 * only what reached the broker, with the AMQP properties and body the broker delivered, once per
 * delivery (a duplicate sent by the publisher shows up twice).
 *
 * <p>The queue is server-named, exclusive and auto-delete on a connection of the tap's own, so it
 * vanishes when the tap is closed or the JVM ends. Only events published after {@code open} returns
 * are seen: open the tap before the test acts.
 */
public final class EventTap implements AutoCloseable {
  /** How long {@link #awaitOne(String, Predicate)} waits unless told otherwise. */
  public static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Connection connection;
  private final List<Received> received;
  private final Function<Received, JsonNode> dataView;

  /**
   * One message as it arrived.
   *
   * @param properties its AMQP properties ({@code type} = event name, {@code message_id} = event
   *     id, {@code content_type})
   * @param body the body, parsed; its {@code data} seen through the tap's data view
   */
  public record Received(AMQP.BasicProperties properties, JsonNode body) {
    /** The event name the body carries. */
    public String name() {
      return body.path("name").asString("");
    }

    /** The event's own fields. */
    public JsonNode data() {
      return body.path("data");
    }
  }

  private EventTap(
      Connection connection, List<Received> received, Function<Received, JsonNode> dataView) {
    this.connection = connection;
    this.received = received;
    this.dataView = dataView;
  }

  /**
   * Taps {@code <prefix>events} of a test's broker, declaring it exactly as event-runtime does
   * (topic, durable, not auto-delete, no arguments), so that whichever of the two comes first, the
   * other's declaration agrees.
   *
   * @param eventNames the binding keys: event names, or topic patterns such as {@code
   *     app/comment.*}
   */
  public static EventTap open(TestRabbit rabbit, Collection<String> eventNames) {
    String exchange = rabbit.prefix() + "events";
    return open(rabbit.connectionFactory(), exchange, eventNames, true);
  }

  /**
   * Taps an exchange that already exists, such as a running system's: it is not declared here, so a
   * missing exchange fails at once instead of being created with no publisher behind it.
   */
  public static EventTap open(
      ConnectionFactory factory, String exchange, Collection<String> eventNames) {
    return open(factory, exchange, eventNames, false);
  }

  private static EventTap open(
      ConnectionFactory factory,
      String exchange,
      Collection<String> eventNames,
      boolean declareExchange) {
    Connection connection;
    try {
      connection = factory.newConnection("event-tap");
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("cannot connect to tap " + exchange, e);
    }
    EventTap tap = new EventTap(connection, new CopyOnWriteArrayList<>(), Received::data);
    try {
      Channel channel = connection.createChannel();
      if (declareExchange) {
        channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true, false, Map.of());
      }
      String queue = channel.queueDeclare("", false, true, true, Map.of()).getQueue();
      for (String name : eventNames) {
        channel.queueBind(queue, exchange, name);
      }
      channel.basicConsume(queue, true, tap.keeper(channel));
      return tap;
    } catch (IOException | RuntimeException e) {
      tap.closeQuietly();
      throw new IllegalStateException("cannot tap " + exchange, e);
    }
  }

  private DefaultConsumer keeper(Channel channel) {
    return new DefaultConsumer(channel) {
      @Override
      public void handleDelivery(
          String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        received.add(new Received(properties, JsonMapper.shared().readTree(body)));
      }
    };
  }

  /**
   * This tap with every event's {@code data} replaced by what {@code dataView} makes of the event
   * before it is matched or answered — for example its sealed fields opened as a consumer would,
   * which takes the event's id and name besides its data. Shares this tap's queue, messages and
   * connection: closing either closes both.
   */
  public EventTap openingWith(Function<Received, JsonNode> dataView) {
    return new EventTap(connection, received, dataView);
  }

  /** A predicate on an event's data: {@code field}'s value, as text, equals {@code value}'s. */
  public static Predicate<JsonNode> field(String field, Object value) {
    String expected = value.toString();
    return data -> data.path(field).asString("").equals(expected);
  }

  /** Every event so far whose data matches, in arrival order. */
  public List<Received> all(Predicate<JsonNode> data) {
    return received.stream().map(this::viewed).filter(event -> data.test(event.data())).toList();
  }

  /** Every event so far named {@code name} whose data matches, in arrival order. */
  public List<Received> all(String name, Predicate<JsonNode> data) {
    return all(data).stream().filter(event -> event.name().equals(name)).toList();
  }

  /** Waits up to {@link #PATIENCE} for an event named {@code name} whose data matches. */
  public Received awaitOne(String name, Predicate<JsonNode> data) {
    return awaitOne(name, data, PATIENCE);
  }

  /** Waits up to {@code patience} for an event named {@code name} whose data matches; the first. */
  public Received awaitOne(String name, Predicate<JsonNode> data, Duration patience) {
    return await()
        .alias("an event " + name + " with matching data")
        .atMost(patience)
        .until(() -> all(name, data).stream().findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  private Received viewed(Received event) {
    JsonNode data = event.data();
    JsonNode seen = dataView.apply(event);
    if (seen == data) {
      return event;
    }
    ObjectNode body = (ObjectNode) event.body().deepCopy();
    body.set("data", seen);
    return new Received(event.properties(), body);
  }

  private void closeQuietly() {
    try {
      connection.close();
    } catch (IOException | RuntimeException e) {
      // Opening already failed; the broker drops the connection's queue with it either way.
    }
  }

  /** Closes the connection, and with it the queue. */
  @Override
  public void close() throws IOException {
    connection.close();
  }
}
