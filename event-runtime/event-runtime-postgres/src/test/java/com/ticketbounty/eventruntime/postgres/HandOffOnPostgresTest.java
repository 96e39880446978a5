package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.RoundTripCounter.Counts;
import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.ForwardingRunStore;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.Outcome;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a run taken in by a started engine with a free worker is created already leased to that
 * engine and its first attempt starts at once — no claim, no wake-up between. The engines here poll
 * once an hour and renew leases every twenty minutes, so whatever touches the database in a test is
 * the work under test.
 */
class HandOffOnPostgresTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

  @EventType(name = "test/parcel.sent", version = "1.0")
  record ParcelSent(String id) {}

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
  private final CountDownLatch held = new CountDownLatch(1);
  private MigratedDatabase database;
  private PostgresRunStore reader;

  @BeforeEach
  void createDatabase() {
    database = MigratedDatabase.create("hand_off", 8);
    reader = new PostgresRunStore(database.dataSource());
  }

  @AfterEach
  void dropDatabase() throws Exception {
    holds.values().forEach(CountDownLatch::countDown);
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    database.close();
  }

  @Test
  void aRunTakenInByAnIdleStartedEngineRunsAtOnceInTheFewestRoundTripsWithoutAClaim() {
    RoundTripCounter counter = new RoundTripCounter(database.dataSource());
    WatchedStore store = new WatchedStore(new PostgresRunStore(counter));
    DurableFunction parcel = threeSteps();
    DurableEngine engine = start(store, 4, 100, parcel);
    // The claim every engine makes as it starts finds nothing: no backlog, hand-offs may begin.
    await().atMost(FEW_SECONDS).until(() -> store.claims.get() >= 1);
    completed(deliver(engine, parcel, "warm-up"));

    Counts before = counter.counts();
    UUID run = deliver(engine, parcel, "p-1");
    RunRecord done = completed(run);
    Counts cost = counter.counts().minus(before);

    // The leased insert, one fenced write per step, the end: what the hand-written baseline
    // commits (its start, each step, its end).
    System.out.printf("A 3-step run handed off at intake: %s%n", cost);
    assertThat(cost).isEqualTo(new Counts(5, 5));
    assertThat(store.claimed).as("no claim took a run").isEmpty();
    assertThat(store.leased).contains(run);
    assertThat(done.attempt()).isEqualTo(1);
    assertThat(done.takeovers()).isZero();
    assertThat(executions.get("p-1")).hasValue(3);
  }

  @Test
  void aRedeliveryOfTheEventOfARunningRunStartsNoSecondAttempt() throws Exception {
    WatchedStore store = new WatchedStore(new PostgresRunStore(database.dataSource()));
    DurableFunction parcel = threeSteps();
    DurableEngine engine = start(store, 4, 100, parcel);
    await().atMost(FEW_SECONDS).until(() -> store.claims.get() >= 1);
    CountDownLatch release = hold("p-1");
    EventEnvelope event = codec.envelope(new ParcelSent("p-1"), null);

    UUID run = deliver(engine, parcel, event);
    assertThat(held.await(FEW_SECONDS.toSeconds(), TimeUnit.SECONDS)).isTrue();
    UUID again = deliver(engine, parcel, event);
    release.countDown();

    assertThat(again).isEqualTo(run);
    RunRecord done = completed(run);
    assertThat(store.leased).containsExactly(run);
    assertThat(done.attempt()).as("one attempt").isEqualTo(1);
    assertThat(executions.get("p-1")).as("each step once").hasValue(3);
  }

  @Test
  void whileAClaimMayHaveLeftRunsDueANewRunQueuesBehindThemInsteadOfOvertaking() throws Exception {
    WatchedStore store = new WatchedStore(new PostgresRunStore(database.dataSource()));
    DurableFunction parcel = threeSteps();
    DurableEngine engine = engine(store, 2, 1, parcel);
    // Two runs due before the engine starts: its claims of one each leave the other behind.
    UUID first = deliver(engine, parcel, "q-1");
    UUID second = deliver(engine, parcel, "q-2");
    CountDownLatch secondClaim = store.holdClaim(2);
    engine.start();
    closing.add(engine);
    completed(first);
    assertThat(secondClaim.await(FEW_SECONDS.toSeconds(), TimeUnit.SECONDS)).isTrue();

    // A worker is free, but the first claim filled its batch: q-2 may be (and is) still due.
    UUID late = deliver(engine, parcel, "late");
    RunStatus atIntake = reader.run(late).orElseThrow().status();
    store.releaseClaim();

    assertThat(atIntake).isEqualTo(RunStatus.QUEUED);
    completed(second);
    completed(late);
    assertThat(store.leased).isEmpty();
    // Once a claim comes back with room to spare, hand-offs resume.
    await().atMost(FEW_SECONDS).until(() -> store.lastLeftRoom && engine.inFlight() == 0);
    UUID next = deliver(engine, parcel, "next");
    completed(next);
    assertThat(store.leased).containsExactly(next);
  }

  @Test
  void anEngineThatStoppedClaimingQueuesWhatItTakesInForAnotherInstance() {
    WatchedStore store = new WatchedStore(new PostgresRunStore(database.dataSource()));
    DurableFunction parcel = threeSteps();
    DurableEngine engine = start(store, 4, 100, parcel);
    await().atMost(FEW_SECONDS).until(() -> store.claims.get() >= 1);

    assertThat(engine.shutdown(Duration.ofSeconds(5))).isTrue();
    UUID run = deliver(engine, parcel, "after-stop");

    assertThat(reader.run(run).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
    assertThat(store.leased).isEmpty();
  }

  private DurableFunction threeSteps() {
    return DurableFunction.named("parcel")
        .triggeredBy(ParcelSent.class)
        .handler(
            ctx -> {
              String id = ctx.data(ParcelSent.class).id();
              String a = ctx.step().run("pack", String.class, key -> execute(id, "pack"));
              String b = ctx.step().run("label", String.class, key -> execute(id, "label"));
              return ctx.step().run("ship", String.class, key -> a + b + execute(id, "ship"));
            });
  }

  private String execute(String id, String step) throws InterruptedException {
    executions.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    CountDownLatch hold = holds.get(id);
    if (hold != null && step.equals("pack")) {
      held.countDown();
      hold.await();
    }
    return step;
  }

  private CountDownLatch hold(String id) {
    return holds.computeIfAbsent(id, k -> new CountDownLatch(1));
  }

  private DurableEngine start(RunStore store, int workers, int batch, DurableFunction function) {
    DurableEngine engine = engine(store, workers, batch, function);
    engine.start();
    closing.add(engine);
    return engine;
  }

  private DurableEngine engine(RunStore store, int workers, int batch, DurableFunction function) {
    return DurableEngine.builder(
            store,
            new EngineSettings("test", "worker-1", workers, HOUR, batch, HOUR, Limits.DEFAULTS))
        .functions(List.of(function))
        .cronPollInterval(Duration.ZERO)
        .build();
  }

  private UUID deliver(DurableEngine engine, DurableFunction function, String id) {
    return deliver(engine, function, codec.envelope(new ParcelSent(id), null));
  }

  /** Delivers the event as its queue would; answers the id of the run it makes. */
  private UUID deliver(DurableEngine engine, DurableFunction function, EventEnvelope event) {
    InboundMessage message =
        new InboundMessage(codec.encode(event).getBytes(StandardCharsets.UTF_8), Map.of(), false);
    assertThat(engine.intake(function).handle(message)).isEqualTo(new Outcome.Processed());
    return UUID.nameUUIDFromBytes((function.id() + "/" + event.id()).getBytes());
  }

  private RunRecord completed(UUID run) {
    return await()
        .atMost(FEW_SECONDS)
        .until(() -> reader.run(run).orElseThrow(), r -> r.status() == RunStatus.COMPLETED);
  }

  /**
   * Watches which runs were claimed and which were created leased; {@link #holdClaim} stops a claim
   * before it reaches the database until {@link #releaseClaim}.
   */
  private static final class WatchedStore extends ForwardingRunStore {
    final AtomicInteger claims = new AtomicInteger();
    final Set<UUID> claimed = ConcurrentHashMap.newKeySet();
    final Set<UUID> leased = ConcurrentHashMap.newKeySet();
    volatile boolean lastLeftRoom;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int heldClaim;
    private volatile CountDownLatch reached = new CountDownLatch(1);

    WatchedStore(RunStore store) {
      super(store);
    }

    /** Holds the claim with this number (1 is the first) until released; answers its arrival. */
    CountDownLatch holdClaim(int number) {
      heldClaim = number;
      reached = new CountDownLatch(1);
      return reached;
    }

    void releaseClaim() {
      release.countDown();
    }

    @Override
    public List<RunRecord> claim(Claim claim) {
      if (claims.get() + 1 == heldClaim) {
        reached.countDown();
        try {
          release.await(FEW_SECONDS.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      List<RunRecord> runs = super.claim(claim);
      runs.forEach(run -> claimed.add(run.id()));
      lastLeftRoom = runs.size() < claim.max();
      claims.incrementAndGet();
      return runs;
    }

    @Override
    public List<RunRecord> createLeasedRuns(List<NewRun> runs, String owner, Duration leaseFor) {
      List<RunRecord> created = super.createLeasedRuns(runs, owner, leaseFor);
      created.forEach(run -> leased.add(run.id()));
      return created;
    }
  }
}
