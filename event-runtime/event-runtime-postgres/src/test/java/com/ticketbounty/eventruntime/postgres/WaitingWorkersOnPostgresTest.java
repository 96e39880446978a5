package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, workers apart from connections: an attempt whose step waits (on a provider, here on a
 * latch) holds its thread but no connection, so the engine's default settings keep far more
 * attempts in flight than its pool has connections, and the store's calls share those few
 * connections through a {@link ConnectionLimit} without ever timing out in the pool. The engine's
 * own threads are platform threads: step bodies are the caller's code, which virtual threads can
 * deadlock on class loading (issue 14's fault suite caught it).
 */
class WaitingWorkersOnPostgresTest {
  private static final int RUNS = 40;
  private static final int CONNECTIONS = 4;
  private static final Duration FEW_SECONDS = Duration.ofSeconds(20);

  @EventType(name = "test/call.requested", version = "1.0")
  record CallRequested(int n) {}

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final CountDownLatch allWaiting = new CountDownLatch(RUNS);
  private final CountDownLatch answer = new CountDownLatch(1);
  private final AtomicInteger bodies = new AtomicInteger();
  private final Set<String> threads = ConcurrentHashMap.newKeySet();
  private final AtomicInteger virtualBodies = new AtomicInteger();
  private TestDatabase database;
  private HikariDataSource pool;
  private RunStore store;
  private DurableEngine engine;

  @BeforeEach
  void start() {
    database = TestDatabase.create("waiting_workers");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(database.user());
    config.setPassword(database.password());
    config.setMaximumPoolSize(CONNECTIONS);
    // Hikari's shortest wait: a store call that queued in the pool instead of in the limit would
    // fail its commit, and the attempt would run its step again.
    config.setConnectionTimeout(250);
    pool = new HikariDataSource(config);
    RuntimeSchema.migrate(pool);
    store = new PostgresRunStore(new ConnectionLimit(pool, CONNECTIONS));
    engine =
        DurableEngine.builder(store, EngineSettings.defaults("test", "waiting-workers"))
            .codec(codec)
            .functions(List.of(callingAProvider()))
            .cronPollInterval(Duration.ZERO)
            .build();
    engine.start();
  }

  @AfterEach
  void stop() {
    answer.countDown();
    engine.close();
    pool.close();
    database.close();
  }

  @Test
  void manyMoreAttemptsThanConnectionsWaitForTheirStepsAtOnceAndAllComplete() throws Exception {
    List<EventEnvelope> events =
        IntStream.range(0, RUNS).mapToObj(n -> codec.envelope(new CallRequested(n), null)).toList();

    List<RunRecord> runs = engine.submit(events);

    assertThat(allWaiting.await(FEW_SECONDS.toSeconds(), TimeUnit.SECONDS))
        .as("all %d steps waiting at once on a pool of %d connections", RUNS, CONNECTIONS)
        .isTrue();
    assertThat(engine.inFlight()).isEqualTo(RUNS);
    assertThat(threads).hasSize(RUNS).allMatch(name -> name.startsWith("test-step-"));
    assertThat(virtualBodies).as("bodies on virtual threads").hasValue(0);
    answer.countDown();
    await()
        .atMost(FEW_SECONDS)
        .until(() -> runs.stream().allMatch(run -> status(run) == RunStatus.COMPLETED));
    assertThat(bodies).as("every step ran once: no commit failed").hasValue(RUNS);
  }

  private RunStatus status(RunRecord run) {
    return store.run(run.id()).orElseThrow().status();
  }

  private DurableFunction callingAProvider() {
    return DurableFunction.named("call-provider")
        .triggeredBy(CallRequested.class)
        .stepTimeout(Duration.ofMinutes(1))
        .handler(
            ctx ->
                ctx.step()
                    .run(
                        "call",
                        String.class,
                        key -> {
                          bodies.incrementAndGet();
                          threads.add(Thread.currentThread().getName());
                          if (Thread.currentThread().isVirtual()) {
                            virtualBodies.incrementAndGet();
                          }
                          allWaiting.countDown();
                          answer.await();
                          return "answered";
                        }));
  }
}
