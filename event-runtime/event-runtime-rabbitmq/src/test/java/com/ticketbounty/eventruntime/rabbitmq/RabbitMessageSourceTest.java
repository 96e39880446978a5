package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.SubscriptionDispatcher;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RabbitMessageSourceTest {
  private static RabbitTestKit kit;
  private static RabbitConnector connector;
  private RabbitMessageSource source;

  @BeforeAll
  static void connect() {
    kit = new RabbitTestKit();
    connector = RabbitConnector.start(kit.settings().withConsumers(10, 2, 2));
    await().until(connector::isConnected);
  }

  @AfterEach
  void closeSource() {
    if (source != null) {
      source.close();
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    connector.close();
    kit.close();
  }

  @Test
  void deadLettersPoisonMessageWithItsReasonAndProcessesTheNextOne() {
    String queue = kit.queueOf("poison");
    List<String> handled = new CopyOnWriteArrayList<>();
    source = new RabbitMessageSource(connector);
    source.subscribe("poison", "test/ping", dispatcher("poison", handled));
    await().until(() -> kit.consumerCount(queue) == 1);

    kit.publishRaw("test/ping", "this is not JSON");
    OutboxMessage good = kit.ping("a", "after the poison");
    kit.publishRaw("test/ping", good.body());

    await().until(() -> handled.contains("after the poison"));
    GetResponse dead = kit.take(kit.names.deadLetterQueue(queue), 1).get(0);
    assertThat(RabbitTestKit.text(dead)).isEqualTo("this is not JSON");
    assertThat(AmqpMessages.stringHeaders(dead.getProps().getHeaders()))
        .containsEntry("x-original-queue", queue)
        .hasEntrySatisfying("x-death-reason", reason -> assertThat(reason).contains("not JSON"));
    assertThat(dead.getProps().getDeliveryMode()).isEqualTo(2);
    source.close();
    await() // both were acked: closing the channel gives nothing back
        .during(Duration.ofMillis(500))
        .until(() -> kit.readyCount(queue) == 0);
    assertThat(handled).containsExactly("after the poison");
  }

  @Test
  void messageThatAlwaysFailsReachesDeadLetterQueueThroughDeliveryLimit() {
    String queue = kit.queueOf("always-retry");
    AtomicInteger attempts = new AtomicInteger();
    source = new RabbitMessageSource(connector);
    source.subscribe(
        "always-retry",
        "test/ping",
        message -> {
          attempts.incrementAndGet();
          return new Outcome.Retry("still failing");
        });
    await().until(() -> kit.consumerCount(queue) == 1);

    kit.publishRaw("test/ping", kit.ping("a", "doomed").body());

    GetResponse dead = kit.take(kit.names.deadLetterQueue(queue), 1).get(0);
    assertThat(RabbitTestKit.text(dead)).contains("doomed");
    assertThat(AmqpMessages.stringHeaders(dead.getProps().getHeaders()).get("x-death"))
        .contains("delivery_limit");
    assertThat(attempts).hasValueGreaterThanOrEqualTo(2);
    assertThat(kit.readyCount(queue)).isZero();
  }

  @Test
  void resumesConsumingWhenItsQueueIsDeletedUnderIt() {
    String queue = kit.queueOf("phoenix");
    List<String> handled = new CopyOnWriteArrayList<>();
    source = new RabbitMessageSource(connector);
    source.subscribe("phoenix", "test/ping", dispatcher("phoenix", handled));
    await().until(() -> kit.consumerCount(queue) == 1);

    kit.deleteQueue(queue);
    await().atMost(Duration.ofSeconds(10)).until(() -> kit.consumerCount(queue) == 1);
    kit.publishRaw("test/ping", kit.ping("a", "into the new queue").body());

    await().until(() -> handled.contains("into the new queue"));
  }

  @Test
  void runsHandlersOnTheWorkerPoolAndGivesThemStringHeaders() throws Exception {
    String queue = kit.queueOf("threads");
    List<String> threads = new CopyOnWriteArrayList<>();
    List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    source = new RabbitMessageSource(connector);
    source.subscribe(
        "threads",
        "test/ping",
        message -> {
          threads.add(Thread.currentThread().getName());
          headers.add(message.headers());
          return new Outcome.Processed();
        });
    await().until(() -> kit.consumerCount(queue) == 1);

    OutboxMessage ping = kit.ping("a", "x");
    RabbitMessagePublisher publisher = new RabbitMessagePublisher(connector, Clock.systemUTC());
    assertThat(publisher.publish(List.of(ping))).containsExactly(ping.eventId());
    publisher.close();

    await().until(() -> !threads.isEmpty());
    assertThat(threads.get(0)).startsWith("rabbit-" + RabbitTestKit.SERVICE + "-worker-");
    assertThat(headers.get(0)).containsEntry("traceparent", RabbitTestKit.TRACE);
  }

  @Test
  void closeLetsTheRunningHandlerFinishAndLeavesUnstartedMessagesForRedelivery() throws Exception {
    RabbitConnector oneWorker = RabbitConnector.start(kit.settings().withConsumers(10, 1, 20));
    String queue = kit.queueOf("slow");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    source = new RabbitMessageSource(oneWorker);
    source.subscribe(
        "slow",
        "test/ping",
        message -> {
          started.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Retry("interrupted");
          }
          finished.incrementAndGet();
          return new Outcome.Processed();
        });
    await().until(() -> kit.consumerCount(queue) == 1);
    kit.publishRaw("test/ping", kit.ping("a", "first").body());
    kit.publishRaw("test/ping", kit.ping("a", "second").body());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    Thread closer = new Thread(source::close);
    closer.start();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(closer::isAlive);
    release.countDown();
    closer.join(10_000);

    assertThat(closer.isAlive()).isFalse();
    assertThat(finished).hasValue(1);
    await().until(() -> kit.readyCount(queue) == 1); // the second, never started, is back
    oneWorker.close();
  }

  private SubscriptionDispatcher<Ping> dispatcher(String id, List<String> handled) {
    return new SubscriptionDispatcher<>(
        new Subscription<>(id, Ping.class, delivery -> handled.add(delivery.data().text())),
        kit.codec,
        new InMemoryInbox());
  }
}
