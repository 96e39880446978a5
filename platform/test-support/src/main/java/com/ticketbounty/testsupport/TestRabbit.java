package com.ticketbounty.testsupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The machine's real RabbitMQ, with a name prefix of its own per test class so that tests never
 * touch a running system's exchanges and queues or each other's. {@code TEST_RABBIT_HOST} and
 * {@code TEST_RABBIT_PORT} point it elsewhere (default 127.0.0.1:5672, guest/guest).
 */
public final class TestRabbit {
  private final String prefix = "test." + UUID.randomUUID().toString().substring(0, 8) + ".";

  /** A prefix such as {@code test.1a2b3c4d.} for every exchange and queue the test declares. */
  public String prefix() {
    return prefix;
  }

  public String host() {
    return TestDatabase.env("TEST_RABBIT_HOST", "127.0.0.1");
  }

  public int port() {
    return Integer.parseInt(TestDatabase.env("TEST_RABBIT_PORT", "5672"));
  }

  public ConnectionFactory connectionFactory() {
    return connectionFactory(host(), port());
  }

  /** A factory for the broker reached at another address, such as a {@link TcpProxy}. */
  public static ConnectionFactory connectionFactory(String host, int port) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(host);
    factory.setPort(port);
    factory.setUsername("guest");
    factory.setPassword("guest");
    return factory;
  }

  /** How many consumers the queue has now; 0 when it is not declared yet. */
  public long consumers(String queue) {
    try (com.rabbitmq.client.Connection connection = connectionFactory().newConnection("probe");
        com.rabbitmq.client.Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(queue).getConsumerCount();
    } catch (Exception e) {
      return 0;
    }
  }

  /** Deletes the named queues and exchanges; names that do not exist are skipped. */
  public void delete(List<String> queues, List<String> exchanges) {
    try (Connection connection = connectionFactory().newConnection("test-cleanup")) {
      List<String> failures = new ArrayList<>();
      for (String queue : queues) {
        try (Channel channel = connection.createChannel()) {
          channel.queueDelete(queue);
        } catch (IOException | TimeoutException e) {
          failures.add(queue);
        }
      }
      for (String exchange : exchanges) {
        try (Channel channel = connection.createChannel()) {
          channel.exchangeDelete(exchange);
        } catch (IOException | TimeoutException e) {
          failures.add(exchange);
        }
      }
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("RabbitMQ cleanup failed: " + e.getMessage(), e);
    }
  }
}
