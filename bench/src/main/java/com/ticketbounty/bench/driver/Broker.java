package com.ticketbounty.bench.driver;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The driver's connection to RabbitMQ (the machine's broker, or any node of a cluster): publishing
 * channels, depths, clean-up.
 */
public final class Broker implements AutoCloseable {
  private final Connection connection;
  private final Channel admin;

  /** The machine's broker, 127.0.0.1:5672. */
  public Broker() throws IOException, TimeoutException {
    this(List.of(new Address("127.0.0.1", 5672)));
  }

  /** The first of {@code nodes} that accepts, as amqp-client tries a cluster's addresses. */
  public Broker(List<Address> nodes) throws IOException, TimeoutException {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUsername("guest");
    factory.setPassword("guest");
    connection = factory.newConnection(nodes, "bench-driver");
    admin = connection.createChannel();
  }

  public String version() {
    Object version = connection.getServerProperties().get("version");
    return version == null ? "?" : version.toString();
  }

  /**
   * A new confirm-mode publishing channel onto {@code exchange}, declared as event-runtime does.
   */
  public Channel publisher(String exchange) throws IOException {
    Channel channel = connection.createChannel();
    channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true, false, Map.of());
    return channel;
  }

  /** Messages ready in {@code queue} (not counting those delivered and unacked). */
  public synchronized long depth(String queue) {
    try {
      return admin.queueDeclarePassive(queue).getMessageCount();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Deletes a phase's queues and exchanges (names under {@code prefix}); missing ones are fine. */
  public synchronized void delete(String prefix, String queue) {
    for (String name : new String[] {queue, queue + ".dlq"}) {
      run(channel -> channel.queueDelete(name));
    }
    for (String name : new String[] {prefix + "events", prefix + "events.dlx"}) {
      run(channel -> channel.exchangeDelete(name));
    }
  }

  /** Deletes queues and exchanges by name; missing ones are fine. */
  public synchronized void deleteAll(List<String> queues, List<String> exchanges) {
    queues.forEach(name -> run(channel -> channel.queueDelete(name)));
    exchanges.forEach(name -> run(channel -> channel.exchangeDelete(name)));
  }

  /**
   * The queues whose names start with {@code prefix}, read from the broker with {@code rabbitmqctl}
   * (AMQP cannot list them), so that a service's new subscription needs no change here; none when
   * it is not installed.
   */
  public static List<String> queuesNamed(String prefix) {
    try {
      Process list = new ProcessBuilder("rabbitmqctl", "-q", "list_queues", "name").start();
      String names = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      list.waitFor(30, TimeUnit.SECONDS);
      return names.lines().map(String::strip).filter(name -> name.startsWith(prefix)).toList();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private void run(ChannelAction action) {
    try (Channel channel = connection.createChannel()) {
      action.run(channel);
    } catch (IOException | TimeoutException | RuntimeException e) {
      // already gone
    }
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }

  private interface ChannelAction {
    void run(Channel channel) throws IOException;
  }
}
