package com.ticketbounty.eventruntime.rabbitmq;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.testsupport.TestRabbit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One test class's corner of the real broker: its own name prefix, a raw amqp-client connection for
 * arranging and asserting behind the transport's back, and clean-up of everything it named.
 */
final class RabbitTestKit implements AutoCloseable {
  static final String SERVICE = "rabbit-test";
  static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  final TestRabbit rabbit = new TestRabbit();
  final RabbitNames names = new RabbitNames(rabbit.prefix(), SERVICE);
  final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final List<String> queues = new ArrayList<>();
  private final Connection raw;

  RabbitTestKit() {
    try {
      raw = rabbit.connectionFactory().newConnection("test-raw");
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fast recovery so that outage tests take a second, not the production 5 s. */
  RabbitSettings settings() {
    return RabbitSettings.of(
            rabbit.host(), rabbit.port(), "guest", "guest", "/", rabbit.prefix(), SERVICE)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofSeconds(5));
  }

  /** Remembers a subscription's queues for clean-up and answers the main queue's name. */
  String queueOf(String subscriptionId) {
    String queue = names.queue(subscriptionId);
    queues.add(queue);
    queues.add(names.deadLetterQueue(queue));
    return queue;
  }

  /** A plain queue bound to the events exchange, for watching what the publisher sent. */
  String watch(String name, String bindingKey) {
    return watch(name, bindingKey, Map.of());
  }

  String watch(String name, String bindingKey, Map<String, Object> arguments) {
    String queue = rabbit.prefix() + name;
    queues.add(queue);
    call(
        channel -> {
          channel.exchangeDeclare(names.exchange(), "topic", true);
          channel.queueDeclare(queue, true, false, false, arguments);
          channel.queueBind(queue, names.exchange(), bindingKey);
          return null;
        });
    return queue;
  }

  OutboxMessage ping(String aggregate, String text) {
    var event = codec.envelope(new Ping(text), new EventUser("user-1"));
    return new OutboxMessage(
        event.id(), event.name(), aggregate, codec.encode(event), Map.of("traceparent", TRACE));
  }

  /** Publishes straight to the events exchange, as another service would. */
  void publishRaw(String routingKey, String body) {
    publishRaw(routingKey, body, Map.of());
  }

  void publishRaw(String routingKey, String body, Map<String, Object> headers) {
    call(
        channel -> {
          channel.basicPublish(
              names.exchange(),
              routingKey,
              new AMQP.BasicProperties.Builder().deliveryMode(2).headers(headers).build(),
              body.getBytes(StandardCharsets.UTF_8));
          return null;
        });
  }

  /**
   * Publishes straight into {@code queue} through the default exchange, with a message id of its
   * own: a dead letter arriving in a dead-letter queue, say.
   */
  void publishInto(String queue, String body) {
    call(
        channel -> {
          channel.basicPublish(
              "",
              queue,
              new AMQP.BasicProperties.Builder()
                  .deliveryMode(2)
                  .messageId(UUID.randomUUID().toString())
                  .build(),
              body.getBytes(StandardCharsets.UTF_8));
          return null;
        });
  }

  /** Waits for {@code count} messages on {@code queue} and takes them (acked). */
  List<GetResponse> take(String queue, int count) {
    List<GetResponse> taken = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              GetResponse next;
              while (taken.size() < count && (next = get(queue)) != null) {
                taken.add(next);
              }
              return taken.size() >= count;
            });
    return taken;
  }

  @Nullable GetResponse get(String queue) {
    return call(channel -> channel.basicGet(queue, true));
  }

  void deleteQueue(String queue) {
    call(channel -> channel.queueDelete(queue));
  }

  long readyCount(String queue) {
    return call(channel -> channel.queueDeclarePassive(queue).getMessageCount());
  }

  /** Consumers on {@code queue}; 0 while it does not exist yet. */
  long consumerCount(String queue) {
    try (Channel channel = raw.createChannel()) {
      return channel.queueDeclarePassive(queue).getConsumerCount();
    } catch (IOException | TimeoutException | RuntimeException e) {
      return 0;
    }
  }

  static String text(GetResponse response) {
    return new String(response.getBody(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    raw.close();
    rabbit.delete(queues, List.of(names.exchange(), names.deadLetterExchange()));
  }

  private <T> T call(ChannelCall<T> call) {
    try (Channel channel = raw.createChannel()) {
      return call.apply(channel);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  @FunctionalInterface
  private interface ChannelCall<T> {
    T apply(Channel channel) throws IOException;
  }
}
