package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.ticketbounty.testsupport.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A list of broker addresses where some are gone: the connector connects to one that answers, and
 * when the node it is on goes away, recovery moves to another. Two proxies in front of the real
 * broker stand for two cluster nodes.
 */
class BrokerFailoverTest {
  private static RabbitTestKit kit;
  private RabbitConnector connector;

  @BeforeAll
  static void kit() {
    kit = new RabbitTestKit();
  }

  @AfterEach
  void closeConnector() {
    if (connector != null) {
      connector.close();
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    kit.close();
  }

  @Test
  void connectsToTheBrokerThatAnswersWhenAnotherAddressRefuses() {
    Address refusing = new Address("127.0.0.1", closedPort());
    Address broker = new Address(kit.rabbit.host(), kit.rabbit.port());
    // Whichever comes first in the list (and amqp-client shuffles it), the refusal is skipped.
    for (List<Address> addresses : List.of(List.of(refusing, broker), List.of(broker, refusing))) {
      connector = RabbitConnector.start(settingsFor(addresses));

      await().atMost(Duration.ofSeconds(10)).until(connector::isConnected);
      assertThat(connector.connectedNode()).contains("127.0.0.1:" + kit.rabbit.port());
      connector.close();
    }
  }

  @Test
  void recoversOnAnotherNodeWhenItsNodeGoesAway() throws Exception {
    try (TcpProxy first = TcpProxy.to(kit.rabbit.host(), kit.rabbit.port());
        TcpProxy second = TcpProxy.to(kit.rabbit.host(), kit.rabbit.port())) {
      connector =
          RabbitConnector.start(
              settingsFor(
                  List.of(
                      new Address(first.host(), first.port()),
                      new Address(second.host(), second.port()))));
      await().atMost(Duration.ofSeconds(10)).until(connector::isConnected);
      String node = connector.connectedNode().orElseThrow();
      TcpProxy lost = node.endsWith(":" + first.port()) ? first : second;
      TcpProxy other = lost == first ? second : first;

      lost.cut();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(connector::connectedNode, now -> now.equals(Optional.of(nodeOf(other))));
      // The recovered connection works: a channel opens and a queue can be declared on it.
      try (Channel channel = connector.openChannel()) {
        assertThat(channel.queueDeclare().getQueue()).isNotBlank();
      }
    }
  }

  private static RabbitSettings settingsFor(List<Address> addresses) {
    return kit.settings().withBroker(new BrokerAddresses(addresses));
  }

  private static String nodeOf(TcpProxy proxy) {
    return "127.0.0.1:" + proxy.port();
  }

  /** A port nothing listens on: bound, then released. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
