package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import com.ticketbounty.eventruntime.spi.MessageSource.Handler;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.Outcome;
import com.ticketbounty.testsupport.TcpProxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The broker cut off with a TCP proxy between the transport and the real RabbitMQ. */
class BrokerOutageTest {
  private static RabbitTestKit kit;
  private TcpProxy proxy;
  private RabbitConnector connector;
  private RabbitMessagePublisher publisher;
  private RabbitMessageSource source;

  @BeforeAll
  static void kit() {
    kit = new RabbitTestKit();
  }

  @BeforeEach
  void proxy() {
    proxy = TcpProxy.to(kit.rabbit.host(), kit.rabbit.port());
  }

  @AfterEach
  void closeAll() {
    if (source != null) {
      source.close();
    }
    if (publisher != null) {
      publisher.close();
    }
    if (connector != null) {
      connector.close();
    }
    proxy.close();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    kit.close();
  }

  @Test
  void publishingWhileCutConfirmsNothingAndTheSameBatchIsConfirmedAfterRestore() throws Exception {
    String queue = kit.watch("outage", "#");
    connectThroughProxy();
    await().until(connector::isConnected);
    List<OutboxMessage> batch =
        IntStream.range(0, 50).mapToObj(i -> kit.ping("agg", "during-" + i)).toList();

    proxy.cut();
    assertThat(publisher.publish(batch)).isEmpty();

    proxy.restore();
    Set<UUID> ids = Set.copyOf(batch.stream().map(OutboxMessage::eventId).toList());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> publisher.publish(batch), confirmed -> confirmed.equals(ids));
    List<GetResponse> received = kit.take(queue, batch.size());
    assertThat(received)
        .extracting(response -> UUID.fromString(response.getProps().getMessageId()))
        .containsAll(ids);
  }

  @Test
  void startsWithTheBrokerUnreachableAndConnectsInTheBackground() throws Exception {
    proxy.cut();
    String queue = kit.queueOf("late-start");
    connectThroughProxy();
    List<String> handled = new CopyOnWriteArrayList<>();
    source.subscribe("late-start", "test/ping", collectInto(handled));
    OutboxMessage ping = kit.ping("agg", "after start");

    await().until(() -> connector.connectionProblem().isPresent());
    assertThat(connector.isConnected()).isFalse();
    assertThat(publisher.publish(List.of(ping))).isEmpty();

    proxy.restore();
    await().atMost(Duration.ofSeconds(20)).until(connector::isConnected);
    assertThat(connector.connectionProblem()).isEmpty();
    await().until(() -> kit.consumerCount(queue) == 1);
    assertThat(publisher.publish(List.of(ping))).containsExactly(ping.eventId());
    await().until(() -> handled.contains(ping.body()));
  }

  @Test
  void consumerKeepsConsumingAfterTheConnectionIsCutAndRestored() {
    String queue = kit.queueOf("survivor");
    connectThroughProxy();
    List<String> handled = new CopyOnWriteArrayList<>();
    source.subscribe("survivor", "test/ping", collectInto(handled));
    await().until(() -> kit.consumerCount(queue) == 1);
    OutboxMessage before = kit.ping("agg", "before");
    kit.publishRaw("test/ping", before.body());
    await().until(() -> handled.size() == 1);

    proxy.cut();
    await().until(() -> kit.consumerCount(queue) == 0);
    OutboxMessage during = kit.ping("agg", "during");
    kit.publishRaw("test/ping", during.body());
    proxy.restore();

    await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 2);
    assertThat(handled).containsExactly(before.body(), during.body());
  }

  private void connectThroughProxy() {
    connector = RabbitConnector.start(kit.settings().withAddress(proxy.host(), proxy.port()));
    publisher = new RabbitMessagePublisher(connector, Clock.systemUTC());
    source = new RabbitMessageSource(connector);
  }

  private static Handler collectInto(List<String> handled) {
    return message -> {
      handled.add(new String(message.body(), StandardCharsets.UTF_8));
      return new Outcome.Processed();
    };
  }
}
