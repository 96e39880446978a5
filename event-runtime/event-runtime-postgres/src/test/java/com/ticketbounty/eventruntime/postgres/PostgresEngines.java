package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Engines on one real PostgreSQL database, each as a service instance would run it: its own worker
 * id, worker pools and {@link DurableEngine#start() loop}, their threads named after the worker id
 * (see {@link EngineThreads}). Closing stops every engine, then drops the database.
 */
final class PostgresEngines implements AutoCloseable {
  /** The seed of every engine's random, so that a test can compute the jitter it will draw. */
  static final long SEED = 42;

  private final TestDatabase database;
  private final HikariDataSource dataSource;
  private final PostgresRunStore store;
  private final List<AutoCloseable> running = new ArrayList<>();

  /** How the test database commits. */
  enum Commits {
    /** As the product's databases do (synchronous_commit on): a commit waits for its WAL flush. */
    DURABLE,
    /**
     * Without waiting for the WAL flush (synchronous_commit off): a test database need not survive
     * a PostgreSQL crash, and this keeps many runs fast on a small machine while changing nothing a
     * test observes.
     */
    UNFLUSHED
  }

  private PostgresEngines(TestDatabase database, int connections, Commits commits) {
    this.database = database;
    if (commits == Commits.UNFLUSHED) {
      execute(
          database.dataSource(),
          "ALTER DATABASE " + database.name() + " SET synchronous_commit = off");
    }
    HikariConfig config = new HikariConfig();
    config.setDataSource(database.dataSource());
    config.setMaximumPoolSize(connections);
    this.dataSource = new HikariDataSource(config);
    RuntimeSchema.migrate(dataSource);
    this.store = new PostgresRunStore(dataSource);
  }

  /** Engines on a fresh database that commits {@link Commits#UNFLUSHED unflushed}. */
  static PostgresEngines create(String purpose, int connections) {
    return create(purpose, connections, Commits.UNFLUSHED);
  }

  static PostgresEngines create(String purpose, int connections, Commits commits) {
    return new PostgresEngines(TestDatabase.create(purpose), connections, commits);
  }

  PostgresRunStore store() {
    return store;
  }

  static EngineSettings settings(String workerId, int workers) {
    return settings(workerId, workers, Duration.ofSeconds(10));
  }

  static EngineSettings settings(String workerId, int workers, Duration leaseFor) {
    return new EngineSettings(
        "test", workerId, workers, leaseFor, 100, Duration.ofMillis(50), Limits.DEFAULTS);
  }

  /**
   * An engine that is not running yet: only {@link #start} or the test drives it. It never looks
   * for cron ticks by itself: a test drives them with {@link DurableEngine#pollCron()}.
   */
  DurableEngine engine(EngineSettings settings, EventCodec codec, List<DurableFunction> functions) {
    return engine(settings, codec, functions, store);
  }

  /** Like {@link #engine(EngineSettings, EventCodec, List)}, on a store that wraps this one. */
  DurableEngine engine(
      EngineSettings settings, EventCodec codec, List<DurableFunction> functions, RunStore on) {
    ExecutorService workers =
        Executors.newFixedThreadPool(
            settings.workers(), EngineThreads.named(settings.workerId() + EngineThreads.ATTEMPT));
    ExecutorService steps =
        Executors.newCachedThreadPool(
            EngineThreads.named(settings.workerId() + EngineThreads.STEP));
    running.add(() -> stop(workers));
    running.add(() -> stop(steps));
    return DurableEngine.builder(on, settings)
        .codec(codec)
        .functions(functions)
        .random(new Random(SEED))
        .executors(workers, steps)
        .cronPollInterval(Duration.ZERO)
        .build();
  }

  /** A running engine with {@code workers} worker threads and the codec without a key. */
  DurableEngine start(String workerId, int workers, DurableFunction... functions) {
    return start(workerId, workers, store, functions);
  }

  /** A running engine on a store that wraps this one. */
  DurableEngine start(String workerId, int workers, RunStore on, DurableFunction... functions) {
    EngineSettings settings = settings(workerId, workers);
    DurableEngine engine =
        engine(settings, new EventCodec(Clock.systemUTC()), List.of(functions), on);
    start(engine);
    return engine;
  }

  /** Starts the engine's loop; closing the engines stops it before its pools. */
  void start(DurableEngine engine) {
    engine.start();
    running.add(engine::close);
  }

  /** Stops a pool and waits, so that nothing touches the database once it is dropped. */
  private static void stop(ExecutorService pool) throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** The status of a run, as stored now. */
  RunStatus status(UUID runId) {
    return store.run(runId).orElseThrow().status();
  }

  /** The first column of every row {@code sql} answers, as text. */
  List<String> column(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs {@code sql} (DDL, for instance) on the engines' database. */
  void execute(String sql) {
    execute(dataSource, sql);
  }

  private static void execute(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  long count(String sql) {
    return Long.parseLong(column(sql).get(0));
  }

  @Override
  public void close() throws Exception {
    // Loops were added after their pools: stop polling before the pools go.
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    dataSource.close();
    database.close();
  }
}
