package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.PostgresDeadLetterStore;
import com.ticketbounty.eventruntime.postgres.PostgresRunStore;
import com.ticketbounty.eventruntime.spi.DeadLetterStore.Stored;
import com.ticketbounty.eventruntime.spi.MessageSource.BatchHandler;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A durable function's queue taking in the deliveries that wait on its channel together, on the
 * real broker and PostgreSQL: a burst that arrives while the intake is busy is taken in with fewer
 * transactions than messages and settled with multi-acks, the poison in a batch is dead-lettered
 * alone, and a batch whose intake fails is delivered again without repeating a run.
 */
class BatchIntakeTest {
  private static final int MAX_EVENT_BYTES = 2_000;

  private static RabbitTestKit kit;
  private static OutboxDatabase database;
  private static RabbitConnector connector;
  private @Nullable RabbitMessageSource source;
  private @Nullable DeadLetterDrain drain;
  private @Nullable DurableEngine engine;

  @BeforeAll
  static void connect() {
    kit = new RabbitTestKit();
    database = new OutboxDatabase("batch-intake");
    connector = RabbitConnector.start(kit.settings());
    await().until(connector::isConnected);
  }

  @AfterEach
  void stop() {
    if (drain != null) {
      drain.close();
    }
    if (source != null) {
      source.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  /**
   * Publishes the first message, holds its intake, publishes the rest while it is held and releases
   * it once the broker has delivered them all: they wait together for the next drain.
   */
  private static void publishBehindTheHeldIntake(
      IntakeGate gate, String queue, List<OutboxMessage> messages) throws InterruptedException {
    kit.publishRaw("test/ping", messages.getFirst().body());
    gate.awaitHeld();
    messages.subList(1, messages.size()).forEach(m -> kit.publishRaw("test/ping", m.body()));
    await().atMost(Duration.ofSeconds(20)).until(() -> kit.readyCount(queue) == 0);
    gate.release();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    connector.close();
    kit.close();
    database.close();
  }

  @Test
  void takesInABurstWithFewerTransactionsThanMessagesAndAcksEachOnce() throws Exception {
    IntakeGate gate = IntakeGate.holding(new PostgresRunStore(database.dataSource()));
    String queue = kit.queueOf("burst");
    RecordingBatchHandler handler = start("burst", gate, Limits.DEFAULTS);
    List<OutboxMessage> burst = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      burst.add(kit.ping("a", "burst " + i));
    }

    publishBehindTheHeldIntake(gate, queue, burst);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> handler.count(Outcome.Processed.class) == burst.size());
    assertThat(runs("burst")).isEqualTo(burst.size());
    assertThat(gate.transactions()).isLessThan(burst.size());
    assertThat(handler.answers()).anySatisfy(a -> assertThat(a.batchSize()).isGreaterThan(1));
    // Every message answered once and none delivered again: no ack was refused by the broker.
    assertThat(handler.answers()).hasSize(burst.size());
    assertThat(handler.answers()).noneMatch(a -> a.message().redelivered());
    assertNothingLeftUnacked(queue);
  }

  @Test
  void deadLettersThePoisonAndTheOverSizeEventOfABatchWhileItsGoodOnesStartRuns() throws Exception {
    IntakeGate gate = IntakeGate.holding(new PostgresRunStore(database.dataSource()));
    String queue = kit.queueOf("mixed");
    RecordingBatchHandler handler =
        start("mixed", gate, new Limits(4 * 1024 * 1024, MAX_EVENT_BYTES, 1000));
    List<OutboxMessage> good = List.of(kit.ping("a", "first"), kit.ping("a", "second"));

    kit.publishRaw("test/ping", kit.ping("a", "holding the intake").body());
    gate.awaitHeld();
    kit.publishRaw("test/ping", good.get(0).body());
    kit.publishRaw("test/ping", "this is not JSON");
    kit.publishRaw("test/ping", kit.ping("a", "x".repeat(MAX_EVENT_BYTES)).body());
    kit.publishRaw("test/ping", good.get(1).body());
    await().atMost(Duration.ofSeconds(20)).until(() -> kit.readyCount(queue) == 0);
    gate.release();

    PostgresDeadLetterStore deadLetters = new PostgresDeadLetterStore(database.dataSource());
    await().atMost(Duration.ofSeconds(20)).until(() -> kept(deadLetters, queue).size() == 2);
    assertThat(kept(deadLetters, queue))
        .extracting(s -> s.letter().reason())
        .anySatisfy(reason -> assertThat(reason).startsWith("body is not JSON"))
        .anySatisfy(reason -> assertThat(reason).contains("Limits.maxEventBytes"));
    await().atMost(Duration.ofSeconds(20)).until(() -> runs("mixed") == 3);
    for (OutboxMessage message : good) {
      assertThat(database.count(runOf("mixed", message))).isEqualTo(1);
    }
    assertThat(handler.count(Outcome.Processed.class)).isEqualTo(3);
    assertThat(handler.count(Outcome.DeadLetter.class)).isEqualTo(2);
    assertThat(handler.answers()).hasSize(5);
    assertNothingLeftUnacked(queue);
  }

  @Test
  void deliversEveryMessageOfABatchAgainWhenItsIntakeFailsAndMakesEachRunOnce() throws Exception {
    IntakeGate gate = IntakeGate.failingABatchOnce(new PostgresRunStore(database.dataSource()));
    String queue = kit.queueOf("failing");
    RecordingBatchHandler handler = start("failing", gate, Limits.DEFAULTS);
    List<OutboxMessage> burst = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      burst.add(kit.ping("a", "failing " + i));
    }

    publishBehindTheHeldIntake(gate, queue, burst);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> handler.count(Outcome.Processed.class) == burst.size());
    long retried = handler.count(Outcome.Retry.class);
    assertThat(retried).isGreaterThan(1);
    // Each retried message came back once and was acked then; none was answered twice more.
    assertThat(handler.answers()).hasSize(burst.size() + (int) retried);
    assertThat(handler.answers().stream().filter(a -> a.message().redelivered()).count())
        .isEqualTo(retried);
    assertThat(runs("failing")).isEqualTo(burst.size());
    for (OutboxMessage message : burst) {
      assertThat(database.count(runOf("failing", message))).isEqualTo(1);
    }
    assertNothingLeftUnacked(queue);
  }

  private RecordingBatchHandler start(String id, IntakeGate store, Limits limits) {
    DurableFunction function =
        DurableFunction.named(id).triggeredBy(Ping.class).handler(ctx -> null);
    engine =
        DurableEngine.builder(
                store, EngineSettings.defaults("rabbit-test", "worker-1").withLimits(limits))
            .codec(kit.codec)
            .functions(List.of(function))
            .random(new Random(1))
            .executors(Runnable::run, Runnable::run)
            .build();
    RecordingBatchHandler handler =
        new RecordingBatchHandler((BatchHandler) engine.intake(function));
    source = new RabbitMessageSource(connector);
    source.subscribe(id, DurableEngine.boundEvents(function), handler);
    drain = new DeadLetterDrain(connector, new PostgresDeadLetterStore(database.dataSource()));
    drain.drain(id);
    await().until(() -> kit.consumerCount(kit.names.queue(id)) == 1);
    return handler;
  }

  private long runs(String functionId) throws Exception {
    return database.count(
        "SELECT count(*) FROM event_runtime.runs WHERE function_id = '%s'".formatted(functionId));
  }

  private static String runOf(String functionId, OutboxMessage message) {
    return "SELECT count(*) FROM event_runtime.runs WHERE function_id = '%s' AND event_id = '%s'"
        .formatted(functionId, message.eventId());
  }

  private static List<Stored> kept(PostgresDeadLetterStore deadLetters, String queue) {
    return deadLetters.list(100).stream().filter(s -> s.letter().queue().equals(queue)).toList();
  }

  private void assertNothingLeftUnacked(String queue) {
    source.close();
    source = null;
    // Closing the channel hands back whatever it left unacked; the queue has done so once it
    // counts no consumer.
    await().atMost(Duration.ofSeconds(20)).until(() -> kit.consumerCount(queue) == 0);
    assertThat(kit.readyCount(queue)).isZero();
  }
}
