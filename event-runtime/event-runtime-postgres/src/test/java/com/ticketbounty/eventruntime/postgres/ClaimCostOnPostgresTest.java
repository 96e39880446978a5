package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.RunRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one claim costs when many runs are due: it reads about its batch of rows, not every due run
 * (a backlog must not make each claim slower, which makes the backlog grow).
 */
class ClaimCostOnPostgresTest {
  private static final int DUE = 3_000;
  private static final int BATCH = 10;
  private static MigratedDatabase database;
  private static DataSource dataSource;

  @BeforeAll
  static void createBacklog() throws SQLException {
    database = MigratedDatabase.create("claim_cost", 2);
    dataSource = database.dataSource();
    PostgresRunStore store = new PostgresRunStore(dataSource);
    List<NewRun> runs = new ArrayList<>();
    for (int i = 0; i < DUE; i++) {
      String function = i % 2 == 0 ? "notify" : "audit";
      runs.add(
          new NewRun(
              UUID.randomUUID(),
              function,
              UUID.randomUUID(),
              "{}",
              function.equals("notify") ? "user-" + (i % 30) : null,
              null));
    }
    store.createRuns(runs);
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute("ANALYZE event_runtime.runs");
    }
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void aClaimOfALimitedFunctionReadsAboutItsBatchNotEveryDueRun() throws SQLException {
    long read =
        rowsRead(
            ClaimSql.CANDIDATES,
            statement -> {
              statement.setArray(1, text(statement.getConnection(), "notify"));
              statement.setArray(
                  2, statement.getConnection().createArrayOf("int4", new Object[] {5}));
              statement.setInt(3, BATCH);
            });

    assertThat(read).as("rows of runs read for a batch of " + BATCH).isLessThan(DUE / 10);
  }

  @Test
  void aClaimOfUnlimitedFunctionsReadsAboutItsBatchNotEveryDueRun() throws SQLException {
    long read =
        rowsRead(
            ClaimSql.UNLIMITED,
            statement -> {
              statement.setArray(1, text(statement.getConnection(), "audit"));
              statement.setInt(2, BATCH);
            });

    assertThat(read).as("rows of runs read for a batch of " + BATCH).isLessThan(DUE / 10);
  }

  @Test
  void aOneStatementClaimOfUnlimitedFunctionsReadsAboutItsBatchNotEveryDueRun()
      throws SQLException {
    long read =
        rowsRead(
            ClaimSql.CLAIM_UNLIMITED,
            statement -> {
              statement.setArray(1, text(statement.getConnection(), "audit"));
              statement.setInt(2, BATCH);
              statement.setString(3, "worker-explain");
              statement.setLong(4, Duration.ofMinutes(5).toNanos() / 1_000);
            });

    assertThat(read).as("rows of runs read for a batch of " + BATCH).isLessThan(DUE / 10);
  }

  @Test
  void theBacklogIsStillClaimedFairlyAcrossKeys() {
    PostgresRunStore store = new PostgresRunStore(dataSource);
    List<RunRecord> claimed =
        store.claim(
            new Claim(
                "worker-a", Duration.ofMinutes(5), 60, Set.of("notify"), Map.of("notify", 1)));
    try {
      assertThat(claimed).extracting(RunRecord::concurrencyKey).doesNotHaveDuplicates();
      assertThat(claimed).hasSizeGreaterThan(1);
    } finally {
      execute(
          "UPDATE event_runtime.runs SET status = 'queued', lease_owner = NULL,"
              + " lease_expires_at = NULL WHERE status = 'running'");
    }
  }

  interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  /** The rows the statement's scans of event_runtime.runs return, by EXPLAIN ANALYZE. */
  private static long rowsRead(String sql, Parameters parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement explain =
          connection.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
        parameters.set(explain);
        try (ResultSet plan = explain.executeQuery()) {
          plan.next();
          return scannedRows(plan.getString(1));
        }
      } finally {
        connection.rollback();
      }
    }
  }

  /** The sum of "Actual Rows" of every scan node on the runs table (times its loops). */
  private static long scannedRows(String plan) {
    Matcher node =
        Pattern.compile(
                "\"Node Type\": \"(?:Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan)\","
                    + "[^{}]*?\"Relation Name\": \"runs\"[^{}]*?\"Actual Rows\": (\\d+),"
                    + " \"Actual Loops\": (\\d+)")
            .matcher(plan.replace("\n", " ").replaceAll("\\s+", " "));
    long rows = 0;
    while (node.find()) {
      rows += Long.parseLong(node.group(1)) * Long.parseLong(node.group(2));
    }
    assertThat(plan).contains("\"Relation Name\": \"runs\"");
    return rows;
  }

  private static java.sql.Array text(Connection connection, String... values) throws SQLException {
    return connection.createArrayOf("text", values);
  }

  private static void execute(String sql) {
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
