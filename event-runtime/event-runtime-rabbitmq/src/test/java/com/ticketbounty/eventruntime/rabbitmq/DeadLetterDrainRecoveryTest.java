package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.postgres.PostgresDeadLetterStore;
import com.ticketbounty.eventruntime.spi.DeadLetter;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import com.ticketbounty.eventruntime.spi.DeadLetterStore.Stored;
import com.ticketbounty.eventruntime.spi.MessageSource.Handler;
import com.ticketbounty.eventruntime.spi.Outcome;
import com.ticketbounty.testsupport.TcpProxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter drain when things around it go wrong — the broker cancels its consumer, the
 * database is slow or down, the connection drops — on the real servers.
 */
class DeadLetterDrainRecoveryTest {
  private static RabbitTestKit kit;
  private static OutboxDatabase database;
  private static RabbitConnector connector;
  private static PostgresDeadLetterStore store;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  @BeforeAll
  static void connect() {
    kit = new RabbitTestKit();
    database = new OutboxDatabase("drain_recovery");
    store = new PostgresDeadLetterStore(database.dataSource());
    connector = RabbitConnector.start(kit.settings());
    await().until(connector::isConnected);
  }

  @AfterEach
  void closeOpened() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    connector.close();
    kit.close();
    database.close();
  }

  @Test
  void theDrainResumesAfterTheBrokerCancelsItsConsumer() {
    String queue = kit.queueOf("cancelled");
    String deadLetterQueue = kit.names.deadLetterQueue(queue);
    subscribe("cancelled", message -> new Outcome.DeadLetter("refused by the test"));
    drain(connector, store, "cancelled");
    kit.publishRaw("test/cancelled", "before the cancel");
    awaitKept(queue, "before the cancel");

    // Deleting the queue makes the broker cancel its consumer, as a quorum leader moving does.
    kit.deleteQueue(deadLetterQueue);

    await().until(() -> kit.consumerCount(deadLetterQueue) == 1);
    kit.publishRaw("test/cancelled", "after the cancel");
    assertThat(awaitKept(queue, "after the cancel").letter().reason())
        .isEqualTo("refused by the test");
  }

  @Test
  void aSlowStoreDoesNotHoldTheConnectionsDispatchThread() throws Exception {
    // amqp-client runs every consumer of a connection on one pool, a thread per processor unless
    // its property says otherwise: a drain that stored on those threads would let as many slow
    // dead letters stop every other consumer of the service.
    int dispatchThreads =
        Integer.getInteger(
            "rabbitmq.amqp.client.availableProcessors", Runtime.getRuntime().availableProcessors());
    List<String> received = new CopyOnWriteArrayList<>();
    kit.queueOf("bystander");
    subscribe(
        "bystander",
        message -> {
          received.add(new String(message.body(), StandardCharsets.UTF_8));
          return new Outcome.Processed();
        });
    List<String> queues =
        IntStream.range(0, dispatchThreads).mapToObj(i -> kit.queueOf("slow-" + i)).toList();
    drain(
        connector,
        store,
        IntStream.range(0, dispatchThreads).mapToObj(i -> "slow-" + i).toArray(String[]::new));

    try (AutoCloseable _ = lockDeadLetters()) {
      queues.forEach(queue -> kit.publishInto(kit.names.deadLetterQueue(queue), "slow"));
      await()
          .until(
              () ->
                  queues.stream().allMatch(q -> kit.readyCount(kit.names.deadLetterQueue(q)) == 0));
      await().until(() -> storeCallsWaitingForALock() >= 1);

      kit.publishRaw("test/bystander", "still served");

      await().until(() -> received.contains("still served"));
    }
    queues.forEach(queue -> awaitKept(queue, "slow"));
  }

  @Test
  void aDeadLetterArrivingWhileTheDatabaseIsDownIsKeptOnceItIsBack() {
    TcpProxy proxy = database.proxy();
    opened.push(proxy);
    FailureCounting counting =
        new FailureCounting(new PostgresDeadLetterStore(database.dataSourceThrough(proxy)));
    String queue = kit.queueOf("database-down");
    String deadLetterQueue = kit.names.deadLetterQueue(queue);
    drain(connector, counting, "database-down");

    proxy.cut();
    kit.publishInto(deadLetterQueue, "during the outage");
    await().until(() -> counting.failures() >= 2);
    proxy.restore();

    awaitKept(queue, "during the outage");
    kit.publishInto(deadLetterQueue, "after the outage");
    awaitKept(queue, "after the outage");
    assertThat(live(queue)).hasSize(2);
  }

  @Test
  void theDrainKeepsDrainingAfterTheConnectionIsCutAndRestored() {
    TcpProxy proxy = TcpProxy.to(kit.rabbit.host(), kit.rabbit.port());
    opened.push(proxy);
    RabbitConnector through =
        RabbitConnector.start(kit.settings().withAddress(proxy.host(), proxy.port()));
    opened.push(through);
    String queue = kit.queueOf("reconnected");
    String deadLetterQueue = kit.names.deadLetterQueue(queue);
    drain(through, store, "reconnected");
    kit.publishInto(deadLetterQueue, "before the cut");
    awaitKept(queue, "before the cut");

    proxy.cut();
    await().until(() -> kit.consumerCount(deadLetterQueue) == 0);
    kit.publishInto(deadLetterQueue, "during the cut");
    proxy.restore();

    awaitKept(queue, "during the cut");
  }

  private void subscribe(String subscription, Handler handler) {
    RabbitMessageSource source = new RabbitMessageSource(connector);
    opened.push(source);
    source.subscribe(subscription, "test/" + subscription, handler);
    await().until(() -> kit.consumerCount(kit.names.queue(subscription)) == 1);
  }

  private void drain(RabbitConnector on, DeadLetterStore keptIn, String... subscriptions) {
    DeadLetterDrain drain = new DeadLetterDrain(on, keptIn);
    opened.push(drain);
    for (String subscription : subscriptions) {
      drain.drain(subscription);
      String deadLetterQueue = kit.names.deadLetterQueue(kit.names.queue(subscription));
      await().until(() -> kit.consumerCount(deadLetterQueue) == 1);
    }
  }

  /** Holds a lock that makes every insert into the dead-letter table wait, until closed. */
  private static AutoCloseable lockDeadLetters() throws SQLException {
    Connection holder = database.dataSource().getConnection();
    holder.setAutoCommit(false);
    try (Statement statement = holder.createStatement()) {
      statement.execute("LOCK TABLE event_runtime.dead_letters IN EXCLUSIVE MODE");
    }
    return () -> {
      holder.commit();
      holder.close();
    };
  }

  private static long storeCallsWaitingForALock() throws SQLException {
    return database.count(
        "SELECT count(*) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
  }

  private static Stored awaitKept(String queue, String body) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> live(queue).stream().anyMatch(s -> bodyOf(s).equals(body)));
    return live(queue).stream().filter(s -> bodyOf(s).equals(body)).findFirst().orElseThrow();
  }

  private static List<Stored> live(String queue) {
    return store.list(100).stream().filter(s -> s.letter().queue().equals(queue)).toList();
  }

  private static String bodyOf(Stored stored) {
    return new String(stored.letter().body(), StandardCharsets.UTF_8);
  }

  /** The real store, counting the saves it refused. */
  private static final class FailureCounting implements DeadLetterStore {
    private final DeadLetterStore store;
    private final java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();

    FailureCounting(DeadLetterStore store) {
      this.store = store;
    }

    int failures() {
      return failures.get();
    }

    @Override
    public void save(DeadLetter letter) {
      try {
        store.save(letter);
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        throw e;
      }
    }

    @Override
    public List<Stored> list(int limit) {
      return store.list(limit);
    }

    @Override
    public Optional<Stored> find(long id) {
      return store.find(id);
    }

    @Override
    public boolean markRedriven(long id) {
      return store.markRedriven(id);
    }
  }
}
