package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.outbox.OutboxSignal;
import com.ticketbounty.eventruntime.postgres.RoundTripCounter.Counts;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunUpdate;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Group commit on PostgreSQL: checkpoints made while the groups in flight are all being written
 * wait, and go together in one statement and one commit — each still fenced by its own lease, and a
 * group that fails costs only its bad checkpoint. Groups are formed on purpose here: the
 * connections of the groups in flight are held back at a gate until the others are waiting.
 */
class GroupCommitOnPostgresTest {
  private static final String OWNER = "group-test";
  private static final int IN_FLIGHT = 2;
  private static MigratedDatabase database;
  private static PostgresRunStore store;

  @BeforeAll
  static void migrate() {
    database = MigratedDatabase.create("group_commit", 8);
    store = new PostgresRunStore(database.dataSource());
  }

  @AfterAll
  static void drop() {
    database.close();
  }

  @Test
  void checkpointsMadeWhileTheGroupsInFlightAreBusyShareOneStatementAndOneCommit()
      throws Exception {
    List<RunRecord> runs = leasedRuns(20);
    Gate gate = new Gate(database.dataSource());
    RoundTripCounter counter = new RoundTripCounter(gate);
    RunCommits commits = new RunCommits(counter, new OutboxSignal(), IN_FLIGHT);

    Map<UUID, Boolean> applied =
        inGroups(commits, gate, runs.stream().map(run -> stepDone(run.lease(), "a")).toList());

    assertThat(applied).hasSize(20).doesNotContainValue(false);
    assertThat(stepsWritten(runs)).isEqualTo(20);
    // The two gated leaders wrote one checkpoint each; the 18 that waited went as one group.
    assertThat(counter.counts()).isEqualTo(new Counts(3, 3));
  }

  @Test
  void aLostLeaseInAGroupWritesNothingOfItsRunWhileTheOthersApply() throws Exception {
    List<RunRecord> runs = leasedRuns(6);
    Gate gate = new Gate(database.dataSource());
    RunCommits commits = new RunCommits(gate, new OutboxSignal(), IN_FLIGHT);
    Lease stale = runs.get(4).lease();
    List<Commit> checkpoints = new ArrayList<>();
    runs.stream().limit(4).forEach(run -> checkpoints.add(stepDone(run.lease(), "a")));
    // An attempt whose lease is not the run's (a later attempt took the run over) checkpoints.
    checkpoints.add(stepDone(new Lease(stale.runId(), OWNER, stale.attempt() + 7), "b"));
    checkpoints.add(completes(runs.get(5).lease()));

    Map<UUID, Boolean> applied = inGroups(commits, gate, checkpoints);

    assertThat(applied).hasSize(6);
    applied.forEach(
        (run, ok) -> assertThat(ok).as("run %s", run).isEqualTo(!run.equals(stale.runId())));
    assertThat(stepsOf(stale.runId())).isZero();
    assertThat(store.run(runs.get(5).id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void twoCheckpointsOfOneRunGoInSeparateStatementsSoEachGetsItsOwnAnswer() throws Exception {
    RunRecord run = leasedRuns(1).get(0);
    Gate gate = new Gate(database.dataSource());
    RunCommits commits = new RunCommits(gate, new OutboxSignal(), IN_FLIGHT);
    Lease current = run.lease();
    Lease stale = new Lease(run.id(), "a-dead-worker", current.attempt() + 3);
    List<RunRecord> busy = leasedRuns(2);

    List<Boolean> answers =
        answersInGroups(
            commits,
            gate,
            List.of(
                stepDone(busy.get(0).lease(), "a"),
                stepDone(busy.get(1).lease(), "a"),
                stepDone(stale, "x"),
                stepDone(current, "y")));

    assertThat(answers).containsExactly(true, true, false, true);
    assertThat(stepsOf(run.id())).isEqualTo(1);
  }

  @Test
  void aGroupThatFailsIsWrittenAgainOneByOneAndOnlyItsBadCheckpointFails() throws Exception {
    List<RunRecord> runs = leasedRuns(6);
    Gate gate = new Gate(database.dataSource());
    RunCommits commits = new RunCommits(gate, new OutboxSignal(), IN_FLIGHT);
    List<Commit> checkpoints = new ArrayList<>();
    runs.forEach(run -> checkpoints.add(stepDone(run.lease(), "a")));
    UUID bad = runs.get(3).id();
    // A memo that is not JSON: PostgreSQL refuses the whole group's statement.
    checkpoints.set(
        3,
        Commit.steps(
            runs.get(3).lease(),
            List.of(new StepWrite("a", StepStatus.COMPLETED, 1, "{not json", null)),
            List.of()));

    List<Future<Boolean>> outcomes = submitInGroups(commits, gate, checkpoints);

    for (int i = 0; i < outcomes.size(); i++) {
      if (i == 3) {
        Future<Boolean> failed = outcomes.get(i);
        assertThatThrownBy(failed::get).hasMessageContaining("run store: commit failed");
      } else {
        assertThat(outcomes.get(i).get()).isTrue();
      }
    }
    assertThat(stepsOf(bad)).isZero();
    assertThat(stepsWritten(runs)).isEqualTo(5);
  }

  private static Map<UUID, Boolean> inGroups(RunCommits commits, Gate gate, List<Commit> list)
      throws Exception {
    List<Boolean> answers = answersInGroups(commits, gate, list);
    Map<UUID, Boolean> byRun = new java.util.HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      byRun.merge(list.get(i).lease().runId(), answers.get(i), Boolean::logicalOr);
    }
    return byRun;
  }

  private static List<Boolean> answersInGroups(RunCommits commits, Gate gate, List<Commit> list)
      throws Exception {
    List<Boolean> answers = new ArrayList<>();
    for (Future<Boolean> outcome : submitInGroups(commits, gate, list)) {
      answers.add(outcome.get());
    }
    return answers;
  }

  /**
   * The first {@value #IN_FLIGHT} checkpoints become the groups in flight and are held at the gate;
   * the rest are submitted once those wait there, and the gate opens when they all wait.
   */
  private static List<Future<Boolean>> submitInGroups(
      RunCommits commits, Gate gate, List<Commit> list) {
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Commit commit = list.get(i);
        outcomes.add(
            threads.submit(() -> commits.commit(List.of(commit)).contains(commit.lease().runId())));
        if (i == IN_FLIGHT - 1) {
          await().until(() -> gate.held() == IN_FLIGHT);
        }
      }
      await().until(() -> commits.waitingCheckpoints() == list.size() - IN_FLIGHT);
      gate.open();
      return outcomes;
    } finally {
      threads.shutdown();
    }
  }

  private static List<RunRecord> leasedRuns(int count) {
    List<NewRun> runs =
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    new NewRun(
                        UUID.randomUUID(),
                        "grouped",
                        UUID.randomUUID(),
                        RunStoreContract.EVENT,
                        null,
                        null))
            .toList();
    return store.createLeasedRuns(runs, OWNER, Duration.ofMinutes(5));
  }

  private static Commit stepDone(Lease lease, String step) {
    return Commit.steps(
        lease, List.of(new StepWrite(step, StepStatus.COMPLETED, 1, "{\"v\":1}", null)), List.of());
  }

  private static Commit completes(Lease lease) {
    return new Commit(
        lease,
        List.of(new StepWrite("last", StepStatus.COMPLETED, 1, "{\"v\":1}", null)),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        java.util.Optional.of(RunUpdate.ending(RunStatus.COMPLETED, "{\"v\":1}", null)));
  }

  private static int stepsWritten(List<RunRecord> runs) throws SQLException {
    int steps = 0;
    for (RunRecord run : runs) {
      steps += stepsOf(run.id());
    }
    return steps;
  }

  private static int stepsOf(UUID runId) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*) FROM event_runtime.steps WHERE run_id = ?")) {
      select.setObject(1, runId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /** Holds back every connection asked for until {@link #open()}; counts the callers held. */
  private static final class Gate extends ForwardingDataSource {
    private final CountDownLatch opened = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();

    Gate(DataSource pool) {
      super(pool);
    }

    int held() {
      return held.get();
    }

    void open() {
      opened.countDown();
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (opened.getCount() > 0) {
        held.incrementAndGet();
        try {
          opened.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted at the gate", e);
        }
      }
      return super.getConnection();
    }
  }
}
