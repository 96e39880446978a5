package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The scenarios on the real engine on PostgreSQL, run as a service instance runs it ({@link
 * EngineInstance}: attempt and step-body threads, the engine loop polling and renewing). Time is
 * PostgreSQL's and passes for real, a unit being 250 ms; the engine is idle when no run is running
 * or due (by the runs table) and no attempt is in flight (by the scheduler).
 */
final class PostgresEngineDriver implements EngineDriver {
  private static final Duration UNIT = Duration.ofMillis(250);
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(10);
  private static final String BUSY =
      "SELECT count(*) FROM event_runtime.runs WHERE status = 'running'"
          + " OR (status IN ('queued', 'sleeping', 'waiting') AND due_at <= now())";

  private final DataSource dataSource;
  private final StepLoggingStore store;
  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final List<DurableFunction> functions = new ArrayList<>();
  private Limits limits = Limits.DEFAULTS;
  private @Nullable EngineInstance instance;

  /** A driver on an empty store: the runtime's tables of {@code dataSource} are emptied. */
  PostgresEngineDriver(DataSource dataSource) {
    this.dataSource = dataSource;
    update(
        "TRUNCATE event_runtime.runs, event_runtime.steps, event_runtime.waits,"
            + " event_runtime.stored_events, event_runtime.cron_ticks, event_runtime.outbox");
    this.store = new StepLoggingStore(new PostgresRunStore(dataSource));
  }

  @Override
  public Duration unit() {
    return UNIT;
  }

  @Override
  public boolean runsBranchesConcurrently() {
    return true;
  }

  @Override
  public void limits(Limits newLimits) {
    limits = newLimits;
  }

  @Override
  public void register(DurableFunction... added) {
    functions.addAll(List.of(added));
    restart();
  }

  @Override
  public void redeploy(DurableFunction... newFunctions) {
    functions.clear();
    register(newFunctions);
  }

  /** Stops the running instance, if any, and starts one with the functions registered now. */
  private void restart() {
    stop();
    // A short poll interval: an idle engine notices a due run within milliseconds.
    EngineSettings settings =
        new EngineSettings("test", "scenario", 4, Duration.ofSeconds(10), 100, POLL, limits);
    instance = EngineInstance.start(store, List.copyOf(functions), settings, codec);
  }

  private DurableEngine engine() {
    if (instance == null) {
      throw new IllegalStateException("register functions first");
    }
    return instance.engine();
  }

  @Override
  public EventEnvelope send(Object contract) {
    EventEnvelope event = codec.envelope(contract, null);
    engine().submit(List.of(event));
    settle();
    return event;
  }

  @Override
  public void advance(Duration duration) {
    Instant target = now().plus(duration);
    awaitUntil(() -> !now().isBefore(target), duration.plus(PATIENCE));
    settle();
  }

  /** Waits until no run is running or due and no attempt is in flight. */
  private void settle() {
    DurableEngine engine = engine();
    awaitUntil(() -> count(BUSY) == 0 && engine.inFlight() == 0, PATIENCE);
  }

  private static void awaitUntil(BooleanSupplier condition, Duration atMost) {
    await()
        .atMost(atMost)
        .pollDelay(Duration.ZERO)
        .pollInterval(POLL)
        .until(condition::getAsBoolean);
  }

  @Override
  public Instant now() {
    return store.now();
  }

  @Override
  public boolean replay(UUID runId) {
    boolean replayed = engine().replay(runId);
    settle();
    return replayed;
  }

  @Override
  public boolean cancel(UUID runId) {
    return engine().cancel(runId);
  }

  @Override
  public RunRecord run(UUID runId) {
    return store.run(runId).orElseThrow(() -> new AssertionError("no run " + runId));
  }

  @Override
  public RunRecord reached(UUID runId, RunStatus status) {
    await()
        .atMost(PATIENCE)
        .pollInterval(POLL)
        .untilAsserted(() -> assertThat(run(runId).status()).as("run %s", runId).isEqualTo(status));
    settle();
    return run(runId);
  }

  @Override
  public List<RunRecord> runs(String functionId) {
    return query(
            "SELECT id FROM event_runtime.runs WHERE function_id = ? ORDER BY created_at, id",
            functionId)
        .stream()
        .map(id -> run(UUID.fromString(id)))
        .toList();
  }

  @Override
  public List<StepRecord> steps(UUID runId) {
    return store.steps(runId);
  }

  @Override
  public List<StepRecord> stepLog(UUID runId) {
    return store.stepLog(runId);
  }

  @Override
  public List<EventEnvelope> sentEvents() {
    return query("SELECT body FROM event_runtime.outbox ORDER BY seq").stream()
        .map(this::decode)
        .toList();
  }

  private EventEnvelope decode(String body) {
    try {
      return codec.decode(body.getBytes(StandardCharsets.UTF_8));
    } catch (UndecodableEventException e) {
      throw new IllegalStateException("the outbox holds an unreadable event: " + e.getMessage(), e);
    }
  }

  private long count(String sql) {
    return Long.parseLong(query(sql).get(0));
  }

  /** The first column of every row, as text. */
  private List<String> query(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<String> values = new ArrayList<>();
        while (rows.next()) {
          values.add(rows.getString(1));
        }
        return values;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void update(String sql) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void stop() {
    if (instance != null) {
      try {
        instance.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while stopping the engine", e);
      }
      instance = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
