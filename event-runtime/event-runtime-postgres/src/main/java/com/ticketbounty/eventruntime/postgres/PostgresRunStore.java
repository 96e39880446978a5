package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.outbox.OutboxSignal;
import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Correlation;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.OpenWait;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.Replay;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StoredEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The engine's {@link RunStore} in the service's PostgreSQL, schema {@code event_runtime} (migrate
 * it first with {@link RuntimeSchema#migrate}). Plain JDBC; every method is one transaction — the
 * hot ones (a run's creation, a claim without limits, a step's checkpoint, an attempt's end) a
 * single statement in auto-commit, one round trip.
 *
 * <p>Time is PostgreSQL's. Inside a transaction the store uses {@code now()} — the transaction's
 * start, one instant for every row it writes — and every due time, lease and expiry is computed in
 * SQL from it; the JVM's clock is never read. {@link #now()} is {@code now()} of its own
 * single-statement transaction, i.e. the database's current time, which the engine uses to compute
 * due times (sleeps, backoffs) it hands back. Transactions here are a few statements long, so
 * {@code now()} never lags the wall clock by more than that.
 *
 * <p>Claims: see {@link RunClaims}. Commits, their fencing and how concurrent attempts' checkpoints
 * share one statement and one commit: see {@link RunCommits}.
 *
 * <p>Wake-ups: a write that makes a run claimable now sends {@code NOTIFY event_runtime_due} in its
 * own transaction (the runs table's triggers, migration V10), and {@link #onDue} listens for it on
 * one connection of the pool, held by a thread of its own while an engine is started on this store
 * (see {@link DueListener}).
 */
public final class PostgresRunStore implements RunStore {
  /**
   * Checkpoints written at once before further ones wait to be grouped ({@link RunCommits}): two,
   * so that one group is being written while the next gathers, and the other connections stay free
   * for claims, intake and renewals.
   */
  static final int GROUPS_IN_FLIGHT = 2;

  private final DataSource dataSource;
  private final RunClaims claims;
  private final RunCommits commits;
  private final DueListener listener;

  /** A store whose commits wake no relay: outbox rows it writes wait for the relays' poll. */
  public PostgresRunStore(DataSource dataSource) {
    this(dataSource, new OutboxSignal());
  }

  /**
   * @param outboxCommitted told after each commit that wrote outbox rows, so that this process's
   *     relays (listening on the same signal) publish them at once
   */
  public PostgresRunStore(DataSource dataSource, OutboxSignal outboxCommitted) {
    this.dataSource = dataSource;
    this.claims = new RunClaims(dataSource);
    this.commits = new RunCommits(dataSource, outboxCommitted, GROUPS_IN_FLIGHT);
    this.listener = new DueListener(dataSource);
  }

  @Override
  public Instant now() {
    return Jdbc.transaction(
        dataSource,
        "now",
        connection -> {
          try (PreparedStatement select = connection.prepareStatement("SELECT now()");
              ResultSet row = select.executeQuery()) {
            row.next();
            return Jdbc.requiredInstant(row, "now");
          }
        });
  }

  @Override
  public List<RunRecord> createRuns(List<NewRun> runs) {
    return runs.isEmpty()
        ? List.of()
        // In auto-commit: the insert stands alone, and the read-back of runs that already
        // existed (a redelivery) needs no transaction with it.
        : Jdbc.autoCommit(dataSource, "createRuns", c -> NewRunRows.create(c, runs));
  }

  @Override
  public List<RunRecord> createLeasedRuns(List<NewRun> runs, String owner, Duration leaseFor) {
    return runs.isEmpty()
        ? List.of()
        : Jdbc.autoCommit(
            dataSource, "createLeasedRuns", c -> NewRunRows.createLeased(c, runs, owner, leaseFor));
  }

  @Override
  public List<RunRecord> claim(Claim claim) {
    return claims.claim(claim);
  }

  @Override
  public Set<UUID> commit(List<Commit> batch) {
    return commits.commit(batch);
  }

  @Override
  public void renew(Collection<Lease> leases, Duration leaseFor) {
    if (!leases.isEmpty()) {
      Jdbc.transaction(
          dataSource,
          "renew",
          c -> {
            RunControls.renew(c, leases, leaseFor);
            return null;
          });
    }
  }

  @Override
  public Optional<RunRecord> run(UUID runId) {
    return Jdbc.transaction(dataSource, "run", c -> RunRows.byId(c, runId));
  }

  @Override
  public List<StepRecord> steps(UUID runId) {
    return Jdbc.transaction(dataSource, "steps", c -> StepRows.read(c, runId));
  }

  @Override
  public Set<UUID> storeEvents(List<StoredEvent> events) {
    return Jdbc.transaction(dataSource, "storeEvents", c -> EventRows.store(c, events));
  }

  @Override
  public List<StoredEvent> events(String name, Instant since) {
    return Jdbc.transaction(dataSource, "events", c -> EventRows.since(c, name, since));
  }

  @Override
  public List<OpenWait> waits(String eventName, Set<Correlation> correlations) {
    return Jdbc.transaction(
        dataSource, "waits", c -> WaitRows.forEvent(c, eventName, correlations));
  }

  @Override
  public void deferWait(ParentStep step, Instant dueAt) {
    Jdbc.transaction(
        dataSource,
        "deferWait",
        c -> {
          WaitRows.defer(c, step, dueAt);
          return null;
        });
  }

  @Override
  public Set<ParentStep> resolve(List<Resolution> resolutions) {
    return Jdbc.transaction(dataSource, "resolve", c -> Resolutions.apply(c, resolutions));
  }

  @Override
  public boolean replay(List<Replay> replays) {
    return Jdbc.transaction(dataSource, "replay", c -> RunControls.replay(c, replays));
  }

  @Override
  public List<RunRecord> invokedBy(ParentStep step) {
    return Jdbc.transaction(dataSource, "invokedBy", c -> RunControls.invokedBy(c, step));
  }

  @Override
  public boolean cancel(UUID runId, String invokerMemo) {
    return Jdbc.transaction(dataSource, "cancel", c -> RunControls.cancel(c, runId, invokerMemo));
  }

  @Override
  public Optional<RunRecord> startCronTick(Instant tick, NewRun run) {
    return Jdbc.transaction(
        dataSource, "startCronTick", c -> RunControls.startCronTick(c, tick, run));
  }

  @Override
  public Instant cronDeployedAt(String functionId) {
    return Jdbc.transaction(
        dataSource, "cronDeployedAt", c -> RunControls.cronDeployedAt(c, functionId));
  }

  /**
   * Wakes {@code wake} on every {@code NOTIFY event_runtime_due} of this database: one listening
   * thread and one pooled connection for all subscriptions of this store, released when the last is
   * closed. A dropped connection is taken again with a growing pause and wakes every subscriber
   * once it listens again.
   */
  @Override
  public Subscription onDue(Runnable wake) {
    return listener.subscribe(wake);
  }
}
