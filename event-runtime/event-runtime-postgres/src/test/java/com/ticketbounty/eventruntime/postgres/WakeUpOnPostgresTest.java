package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.ForwardingRunStore;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 13: no idle poll between a run becoming due and its attempt. Every engine here polls once
 * an hour, so a run that starts within seconds was started because something woke its engine: the
 * instance that made it due (local hand-off, or the due time it wrote for a backoff), or
 * PostgreSQL's {@code NOTIFY} for an instance that did not. Each instance has a pool of its own, as
 * two processes would, on one database.
 */
class WakeUpOnPostgresTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

  @EventType(name = "test/work.requested", version = "1.0")
  record WorkRequested(String id) {}

  @EventType(name = "test/blocker.requested", version = "1.0")
  record BlockerRequested(String id) {}

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<String> executedBy = new CopyOnWriteArrayList<>();
  private final CountDownLatch blockerStarted = new CountDownLatch(1);
  private final CountDownLatch releaseBlocker = new CountDownLatch(1);
  private TestDatabase database;

  @BeforeEach
  void createDatabase() {
    database = TestDatabase.create("wake_up");
    try (HikariDataSource migrating = pool("migration")) {
      RuntimeSchema.migrate(migrating);
    }
  }

  @AfterEach
  void dropDatabase() throws Exception {
    releaseBlocker.countDown();
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    database.close();
  }

  @Test
  void aRunCreatedOnABusyInstanceIsStartedByAnIdleOneThatNotifyWoke() throws Exception {
    CountingStore idle = new CountingStore(new PostgresRunStore(pool("instance-b")));
    start("instance-b", idle, work("instance-b"));
    // Its first claim is the one every engine makes as it starts; any later one was woken.
    await().atMost(FEW_SECONDS).until(() -> idle.claims() >= 1);
    RunStore busyStore = new PostgresRunStore(pool("instance-a"));
    DurableEngine busy = start("instance-a", busyStore, work("instance-a"), blocker());
    busy.submit(List.of(codec.envelope(new BlockerRequested("b-1"), null)));
    assertThat(blockerStarted.await(FEW_SECONDS.toSeconds(), TimeUnit.SECONDS)).isTrue();

    RunRecord work = busy.submit(List.of(codec.envelope(new WorkRequested("w-1"), null))).get(0);

    await().atMost(FEW_SECONDS).until(() -> completed(busyStore, work));
    assertThat(executedBy).containsExactly("instance-b");
    assertThat(busy.inFlight()).as("the blocker still holds A's only worker").isEqualTo(1);
  }

  @Test
  void aRunSubmittedOnAnIdleInstanceIsHandedToItsOwnWorkersWithoutANotification() {
    CountingStore store = new CountingStore(new PostgresRunStore(pool("instance-a"))).deaf();
    DurableEngine engine = start("instance-a", store, work("instance-a"));
    await().atMost(FEW_SECONDS).until(() -> store.claims() >= 1);

    RunRecord work = engine.submit(List.of(codec.envelope(new WorkRequested("w-1"), null))).get(0);

    await().atMost(FEW_SECONDS).until(() -> completed(store, work));
    assertThat(executedBy).containsExactly("instance-a");
  }

  @Test
  void aRetryBackoffOfASecondIsNotDelayedByAnHourlyPoll() {
    CountingStore store = new CountingStore(new PostgresRunStore(pool("instance-a"))).deaf();
    AtomicInteger tries = new AtomicInteger();
    DurableFunction flaky =
        DurableFunction.named("flaky")
            .triggeredBy(WorkRequested.class)
            .retryPolicy(new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(1)))
            .handler(
                ctx ->
                    ctx.step()
                        .run(
                            "call",
                            String.class,
                            key -> {
                              if (tries.incrementAndGet() == 1) {
                                throw new IllegalStateException("provider down");
                              }
                              return "done";
                            }));
    DurableEngine engine = start("instance-a", store, flaky);

    RunRecord run = engine.submit(List.of(codec.envelope(new WorkRequested("w-1"), null))).get(0);

    await().atMost(FEW_SECONDS).until(() -> completed(store, run));
    assertThat(tries).hasValue(2);
    assertThat(store.steps(run.id()).get(0).attempts()).isEqualTo(2);
  }

  @Test
  void theListenerComesBackAfterItsConnectionIsTerminatedAndIsWokenAgain() throws Exception {
    CountingStore idle = new CountingStore(new PostgresRunStore(pool("instance-b")));
    start("instance-b", idle, work("instance-b"));
    int before =
        await().atMost(FEW_SECONDS).until(() -> listener("instance-b"), Optional::isPresent).get();
    // A creator that only submits: nothing of it claims, and its own wake-ups go nowhere.
    RunStore creatorStore = new PostgresRunStore(pool("creator"));
    DurableEngine creator = engine("creator", creatorStore, work("creator"));
    await().atMost(FEW_SECONDS).until(() -> idle.claims() >= 1);
    int claimsBefore = idle.claims();

    terminate(before);
    await()
        .atMost(FEW_SECONDS)
        .until(() -> listener("instance-b").filter(pid -> pid != before).isPresent());
    // Listening again, it wakes its engine once for what it may have missed: that claim is over
    // before the run below exists, so only a notification can start it.
    await().atMost(FEW_SECONDS).until(() -> idle.claims() > claimsBefore);
    RunRecord work = creator.submit(List.of(codec.envelope(new WorkRequested("w-1"), null))).get(0);

    await().atMost(FEW_SECONDS).until(() -> completed(creatorStore, work));
    assertThat(executedBy).containsExactly("instance-b");
  }

  /** The function every instance has; its body tells which instance executed it. */
  private DurableFunction work(String instance) {
    return DurableFunction.named("work")
        .triggeredBy(WorkRequested.class)
        .handler(
            ctx ->
                ctx.step()
                    .run(
                        "work",
                        String.class,
                        key -> {
                          executedBy.add(instance);
                          return instance;
                        }));
  }

  /** A function only instance A has, whose run holds A's worker until the test ends. */
  private DurableFunction blocker() {
    return DurableFunction.named("blocker")
        .triggeredBy(BlockerRequested.class)
        .stepTimeout(Duration.ofMinutes(1))
        .handler(
            ctx ->
                ctx.step()
                    .run(
                        "block",
                        String.class,
                        key -> {
                          blockerStarted.countDown();
                          releaseBlocker.await();
                          return "released";
                        }));
  }

  private DurableEngine start(String instance, RunStore store, DurableFunction... functions) {
    DurableEngine engine = engine(instance, store, functions);
    engine.start();
    return engine;
  }

  /** One worker, polling hourly; closed (before its pool) when the test ends. */
  private DurableEngine engine(String instance, RunStore store, DurableFunction... functions) {
    EngineSettings settings =
        new EngineSettings("test", instance, 1, Duration.ofSeconds(30), 100, HOUR, Limits.DEFAULTS);
    DurableEngine engine =
        DurableEngine.builder(store, settings)
            .codec(codec)
            .functions(List.of(functions))
            .cronPollInterval(Duration.ZERO)
            .build();
    closing.add(engine::close);
    return engine;
  }

  /** A pool of the database's role whose sessions carry {@code name} as application name. */
  private HikariDataSource pool(String name) {
    PGSimpleDataSource connections = new PGSimpleDataSource();
    connections.setUrl(database.jdbcUrl());
    connections.setUser(database.user());
    connections.setPassword(database.password());
    connections.setApplicationName(name);
    HikariConfig config = new HikariConfig();
    config.setDataSource(connections);
    config.setMaximumPoolSize(4);
    HikariDataSource pool = new HikariDataSource(config);
    closing.add(pool);
    return pool;
  }

  private static boolean completed(RunStore store, RunRecord run) {
    return store.run(run.id()).orElseThrow().status() == RunStatus.COMPLETED;
  }

  /** The backend of the instance's listening session, if it listens now. */
  private Optional<Integer> listener(String instance) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name = ? AND query = 'LISTEN "
                    + DueListener.CHANNEL
                    + "'")) {
      select.setString(1, instance);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
      }
    }
  }

  /** Ends a backend as an operator or a failover would (the role may end its own sessions). */
  private void terminate(int pid) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement kill = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
      kill.setInt(1, pid);
      try (ResultSet row = kill.executeQuery()) {
        assertThat(row.next() && row.getBoolean(1)).isTrue();
      }
    }
  }

  /** Counts claims; {@link #deaf()} hears no notifications, so only local wake-ups remain. */
  private static final class CountingStore extends ForwardingRunStore {
    private final AtomicInteger claims = new AtomicInteger();
    private boolean deaf;

    CountingStore(RunStore store) {
      super(store);
    }

    CountingStore deaf() {
      deaf = true;
      return this;
    }

    int claims() {
      return claims.get();
    }

    @Override
    public List<RunRecord> claim(Claim claim) {
      List<RunRecord> claimed = super.claim(claim);
      claims.incrementAndGet();
      return claimed;
    }

    @Override
    public Subscription onDue(Runnable wake) {
      return deaf ? () -> {} : super.onDue(wake);
    }
  }
}
