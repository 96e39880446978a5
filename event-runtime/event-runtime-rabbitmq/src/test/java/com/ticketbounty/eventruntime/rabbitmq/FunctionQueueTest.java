package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventMajors;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.PostgresDeadLetterStore;
import com.ticketbounty.eventruntime.spi.DeadLetterStore.Stored;
import com.ticketbounty.eventruntime.spi.MessageSource.Handler;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.Outcome;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.test.InMemoryRunStore;
import com.ticketbounty.eventruntime.test.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A durable function's own quorum queue on the real broker: bound to its triggers and the events it
 * waits for, deliveries taken in by the engine's intake, poison dead-lettered and drained.
 */
class FunctionQueueTest {
  private static RabbitTestKit kit;
  private static OutboxDatabase database;
  private static RabbitConnector connector;
  private InMemoryRunStore store;
  private RabbitMessageSource source;
  private DeadLetterDrain drain;

  @BeforeAll
  static void connect() {
    kit = new RabbitTestKit();
    database = new OutboxDatabase("function-queue");
    connector = RabbitConnector.start(kit.settings());
    await().until(connector::isConnected);
  }

  @AfterEach
  void stop() {
    drain.close();
    source.close();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    connector.close();
    kit.close();
    database.close();
  }

  @Test
  void startsOneRunForAnEventDeliveredTwice() {
    AtomicInteger processed = new AtomicInteger();
    DurableFunction function = start("ping-once", processed);
    OutboxMessage ping = kit.ping("a", "twice");

    kit.publishRaw("test/ping", ping.body());
    kit.publishRaw("test/ping", ping.body());

    await().atMost(Duration.ofSeconds(20)).until(() -> processed.get() == 2);
    List<RunRecord> runs = runsOf(function);
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).eventId()).isEqualTo(ping.eventId());
  }

  @Test
  void bindsTheEventsTheFunctionWaitsForAndStoresThem() {
    AtomicInteger processed = new AtomicInteger();
    start("ping-waiter", processed);
    OutboxMessage reply = kit.ping("a", "a reply");

    kit.publishRaw("test/pong", reply.body().replace("test/ping", "test/pong"));

    await().atMost(Duration.ofSeconds(20)).until(() -> processed.get() == 1);
    assertThat(store.events("test/pong", Instant.EPOCH)).hasSize(1);
  }

  @Test
  void deadLettersPoisonWithItsReasonWhileTheMessagesBehindItStartRuns() {
    AtomicInteger processed = new AtomicInteger();
    DurableFunction function = start("ping-poison", processed);
    String queue = kit.queueOf("ping-poison");
    OutboxMessage good = kit.ping("a", "behind the poison");

    kit.publishRaw("test/ping", "this is not JSON");
    kit.publishRaw(
        "test/ping", kit.ping("a", "from the future").body().replace("\"1.0\"", "\"9.0\""));
    kit.publishRaw("test/ping", good.body());

    await().atMost(Duration.ofSeconds(20)).until(() -> processed.get() == 1);
    assertThat(runsOf(function)).extracting(RunRecord::eventId).containsExactly(good.eventId());
    PostgresDeadLetterStore deadLetters = new PostgresDeadLetterStore(database.dataSource());
    await().atMost(Duration.ofSeconds(20)).until(() -> kept(deadLetters, queue).size() == 2);
    assertThat(kept(deadLetters, queue))
        .extracting(s -> s.letter().reason())
        .anySatisfy(reason -> assertThat(reason).startsWith("body is not JSON"))
        .anySatisfy(reason -> assertThat(reason).contains("unknown MAJOR version 9.0"));
  }

  @Test
  void acksAnotherMajorSentBesideTheOneTheFunctionReadsAndRunsOnItsOwn() {
    AtomicInteger processed = new AtomicInteger();
    DurableFunction function = start("ping-majors", processed);
    String queue = kit.queueOf("ping-majors");
    OutboxMessage current = kit.ping("a", "in 1.0");
    OutboxMessage next = kit.ping("a", "in 2.0 beside it");
    Map<String, Object> beside = Map.of(EventMajors.HEADER, "1,2");

    kit.publishRaw("test/ping", next.body().replace("\"1.0\"", "\"2.0\""), beside);
    kit.publishRaw("test/ping", current.body(), beside);

    await().atMost(Duration.ofSeconds(20)).until(() -> processed.get() == 2);
    assertThat(runsOf(function)).extracting(RunRecord::eventId).containsExactly(current.eventId());
    PostgresDeadLetterStore deadLetters = new PostgresDeadLetterStore(database.dataSource());
    assertThat(kept(deadLetters, queue)).isEmpty();
  }

  private DurableFunction start(String id, AtomicInteger processed) {
    kit.queueOf(id);
    DurableFunction function =
        DurableFunction.named(id)
            .triggeredBy(Ping.class)
            .waitsFor("test/pong")
            .handler(ctx -> null);
    store = new InMemoryRunStore(new TestClock(Instant.parse("2030-01-01T00:00:00Z")));
    DurableEngine engine =
        DurableEngine.builder(store, EngineSettings.defaults("rabbit-test", "worker-1"))
            .codec(kit.codec)
            .functions(List.of(function))
            .random(new Random(1))
            .executors(Runnable::run, Runnable::run)
            .build();
    Handler dispatcher = engine.intake(function);
    source = new RabbitMessageSource(connector);
    source.subscribe(
        id,
        DurableEngine.boundEvents(function),
        message -> {
          Outcome outcome = dispatcher.handle(message);
          if (outcome instanceof Outcome.Processed) {
            processed.incrementAndGet();
          }
          return outcome;
        });
    drain = new DeadLetterDrain(connector, new PostgresDeadLetterStore(database.dataSource()));
    drain.drain(id);
    await().until(() -> kit.consumerCount(kit.names.queue(id)) == 1);
    return function;
  }

  private List<RunRecord> runsOf(DurableFunction function) {
    return store.runs().stream().filter(r -> r.functionId().equals(function.id())).toList();
  }

  private static List<Stored> kept(PostgresDeadLetterStore deadLetters, String queue) {
    return deadLetters.list(100).stream().filter(s -> s.letter().queue().equals(queue)).toList();
  }
}
