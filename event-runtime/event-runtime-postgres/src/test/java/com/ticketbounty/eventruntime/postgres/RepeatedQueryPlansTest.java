package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.postgres.PostgresRunQueries.Listing;
import com.ticketbounty.eventruntime.postgres.RetentionPruner.Target;
import com.ticketbounty.eventruntime.spi.Correlation;
import com.ticketbounty.eventruntime.spi.RunQueries.Filter;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The queries the runtime runs again and again read through an index, never a whole table. Each
 * table holds a week of rows as retention leaves them (the pruner runs hourly, so only a sliver is
 * old enough to go) and is analyzed; the plans are PostgreSQL's own choice, with nothing switched
 * off, for exactly the statements the runtime sends.
 */
class RepeatedQueryPlansTest {
  private static final Duration RETENTION = Duration.ofDays(7);
  private static final int BATCH = 1000;

  /** Every table: 20,000 rows 30 s apart (just under a week), then 200 older than the retention. */
  private static final String ROWS =
      """
      INSERT INTO event_runtime.runs (id, function_id, event_id, event, status, due_at, created_at,
                                      ended_at)
      SELECT gen_random_uuid(), 'function-' || (i % 20), gen_random_uuid(), '{}',
             CASE WHEN i % 10 = 0 THEN 'sleeping' WHEN i % 7 = 0 THEN 'failed' ELSE 'completed' END,
             now(), at, CASE WHEN i % 10 = 0 THEN NULL ELSE at END
        FROM ages;
      INSERT INTO event_runtime.outbox (event_id, event_name, aggregate_key, body, published_at)
      SELECT gen_random_uuid(), 'test/x', 'aggregate-' || (i % 500), '{}',
             CASE WHEN i % 100 = 0 THEN NULL ELSE at END
        FROM ages;
      INSERT INTO event_runtime.inbox (subscription, event_id, processed_at)
      SELECT 'subscription-' || (i % 5), gen_random_uuid(), at FROM ages;
      INSERT INTO event_runtime.dead_letters (queue, message_id, reason, body, redriven_at)
      SELECT 'queue', 'message-' || i, 'reason', '\\x01', CASE WHEN i % 3 = 0 THEN NULL ELSE at END
        FROM ages;
      INSERT INTO event_runtime.stored_events (id, name, event, stored_at)
      SELECT gen_random_uuid(), 'test/event-' || (i % 10), '{}', at FROM ages;
      INSERT INTO event_runtime.cron_ticks (function_id, tick, claimed_at)
      SELECT 'cron-' || (i % 5), at, at FROM ages;
      INSERT INTO event_runtime.operator_actions (at, actor_id, action, target)
      SELECT at, 'admin', 'run.replayed', 'run-' || i FROM ages;

      """;

  /**
   * 10,000 runs waiting for a comment on their own ticket, 500 for one by their author, and 100
   * whose match has no correlation (or that an older version registered): the waits of one event
   * name an incoming comment must not read one by one.
   */
  private static final String WAITS =
      """
      CREATE TEMPORARY TABLE waiting AS
      SELECT i, gen_random_uuid() AS run_id FROM generate_series(1, 10600) i;
      INSERT INTO event_runtime.runs (id, function_id, event_id, event, status, due_at)
      SELECT run_id, 'waiter', gen_random_uuid(), '{}', 'waiting', now() + interval '1 day'
        FROM waiting;
      INSERT INTO event_runtime.waits (run_id, step_key, event_name, match, timeout_at,
                                       correlation_path, correlation_value)
      SELECT run_id, 'comment', 'test/commented', 'true', now() + interval '1 day',
             CASE WHEN i <= 10000 THEN 'data.ticketId' WHEN i <= 10500 THEN 'data.author' END,
             CASE WHEN i <= 10000 THEN '"t-' || i || '"' WHEN i <= 10500 THEN '"u-' || i || '"' END
        FROM waiting;
      """;

  private static TestDatabase database;
  private static DataSource dataSource;

  @BeforeAll
  static void createAWeekOfRows() throws SQLException {
    database = TestDatabase.create("plans");
    dataSource = database.dataSource();
    RuntimeSchema.migrate(dataSource);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          """
          CREATE TEMPORARY TABLE ages AS
          SELECT i, now() - i * interval '30 seconds' AS at FROM generate_series(1, 20000) i
          UNION ALL
          SELECT 20000 + i, now() - interval '7 days 1 minute' - i * interval '10 seconds'
            FROM generate_series(1, 200) i
          """);
      statement.execute(ROWS);
      statement.execute(WAITS);
      statement.execute("ANALYZE");
    }
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void theRunListingAndEveryRetentionDeleteUseAnIndex() throws SQLException {
    SoftAssertions softly = new SoftAssertions();
    Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
    Map<String, Filter> listings =
        Map.of(
            "the newest runs",
            filter(Optional.empty(), Set.of(), Optional.empty(), Optional.empty()),
            "a function's runs",
            filter(Optional.of("function-3"), Set.of(), Optional.empty(), Optional.empty()),
            "a function's failed runs of the last day",
            filter(
                Optional.of("function-3"),
                Set.of(RunStatus.FAILED),
                Optional.of(dayAgo),
                Optional.empty()),
            "the failed and sleeping runs between two times",
            filter(
                Optional.empty(),
                Set.of(RunStatus.FAILED, RunStatus.SLEEPING),
                Optional.of(dayAgo.minus(Duration.ofDays(2))),
                Optional.of(dayAgo)));
    listings.forEach(
        (what, filter) -> {
          Listing listing = Listing.of(filter);
          String index =
              filter.functionId().isPresent() ? "runs_by_function_created" : "runs_by_created";
          assertReadsThrough(
              softly, "listing " + what, plan(listing.sql(), listing::bind), "runs", index);
        });
    Map<String, String> retentionIndexes =
        Map.of(
            "outbox", "outbox_published",
            "inbox", "inbox_processed",
            "dead_letters", "dead_letters_redriven",
            "runs", "runs_ended",
            "stored_events", "stored_events_stored",
            "cron_ticks", "cron_ticks_by_tick",
            "operator_actions", "operator_actions_at");
    List<Target> targets = new ArrayList<>(RetentionPruner.TARGETS);
    targets.add(RetentionPruner.AUDIT);
    for (Target target : targets) {
      String plan = plan(target.deleteSql(), (c, delete) -> target.bind(delete, RETENTION, BATCH));
      assertReadsThrough(
          softly,
          "pruning " + target.table(),
          plan,
          target.table(),
          retentionIndexes.get(target.table()));
    }
    softly.assertAll();
  }

  @Test
  void theRelayTheDeadLetterListingTheEventLookBackAndLeaseRenewalUseAnIndex() throws SQLException {
    SoftAssertions softly = new SoftAssertions();
    assertReadsThrough(
        softly,
        "the relay's reservation",
        plan(
            PostgresOutboxStore.RESERVE,
            (c, reserve) -> {
              reserve.setInt(1, 100);
              reserve.setInt(2, 100);
              reserve.setObject(3, UUID.randomUUID());
              reserve.setLong(4, 30_000);
            }),
        "outbox",
        "outbox_unsent");
    assertReadsThroughAnIndex(
        softly,
        "settling the relay's reservation",
        plan(
            PostgresOutboxStore.SETTLE,
            (c, settle) -> {
              settle.setArray(1, c.createArrayOf("uuid", new Object[] {UUID.randomUUID()}));
              settle.setArray(2, c.createArrayOf("uuid", new Object[] {UUID.randomUUID()}));
              settle.setObject(3, UUID.randomUUID());
            }),
        "outbox");
    assertReadsThrough(
        softly,
        "listing live dead letters",
        plan(PostgresDeadLetterStore.LIVE, (c, list) -> list.setLong(1, 50)),
        "dead_letters",
        "dead_letters_live");
    assertReadsThroughAnIndex(
        softly,
        "the events a wait looks back on",
        plan(
            EventRows.SINCE,
            (c, since) -> {
              since.setString(1, "test/event-3");
              Jdbc.setInstant(since, 2, Instant.now().minus(Duration.ofHours(1)));
            }),
        "stored_events");
    assertReadsThroughAnIndex(
        softly,
        "renewing leases",
        plan(
            RunControls.RENEW,
            (c, renew) -> {
              renew.setLong(1, Jdbc.micros(Duration.ofSeconds(30)));
              renew.setArray(2, RunRows.uuids(c, List.of(UUID.randomUUID(), UUID.randomUUID())));
              renew.setArray(3, c.createArrayOf("text", new Object[] {"worker", "worker"}));
              renew.setArray(4, c.createArrayOf("int4", new Object[] {1, 1}));
            }),
        "runs");
    softly.assertAll();
  }

  @Test
  void anIncomingEventFindsTheWaitsItMayResolveThroughTheirCorrelations() throws SQLException {
    SoftAssertions softly = new SoftAssertions();
    Set<Correlation> comment =
        Set.of(
            new Correlation("id", "\"" + UUID.randomUUID() + "\""),
            new Correlation("name", "\"test/commented\""),
            new Correlation("ts", "1767225600000"),
            new Correlation("data.ticketId", "\"t-17\""),
            new Correlation("data.author", "\"u-10017\""),
            new Correlation("data.body", "\"looks good\""));
    String plan =
        plan(
            WaitRows.BY_EVENT,
            (c, select) -> WaitRows.bindByEvent(c, select, "test/commented", comment));
    assertReadsThrough(
        softly, "finding the waits of a comment", plan, "waits", "waits_by_correlation");
    softly
        .assertThat(plan)
        .as("each probe of a correlated wait is by its value, not a scan of the name's waits")
        .contains("correlation_value = ");
    softly
        .assertThat(plan)
        .as("the candidates' runs are read by their keys, not all the waiting runs")
        .contains("Index Scan using runs_pkey on runs")
        .doesNotContainPattern("Index (Only )?Scan using (?!runs_pkey)\\w+ on runs\\b")
        .doesNotContainPattern("Seq Scan on runs\\b");
    softly.assertAll();

    try (Connection connection = dataSource.getConnection()) {
      assertThat(WaitRows.forEvent(connection, "test/commented", comment))
          .as("the waits of t-17 and of u-10017's comments, and the 100 of every comment")
          .hasSize(102);
    }
  }

  private static void assertReadsThrough(
      SoftAssertions softly, String what, String plan, String table, String index) {
    softly
        .assertThat(plan)
        .as("%s reads %s through %s", what, table, index)
        .containsPattern(
            "Index (Only )?Scan using "
                + index
                + " on "
                + table
                + "\\b|Bitmap Index Scan on "
                + index)
        .doesNotContainPattern("Seq Scan on " + table + "\\b");
  }

  private static void assertReadsThroughAnIndex(
      SoftAssertions softly, String what, String plan, String table) {
    softly
        .assertThat(plan)
        .as("%s reads %s through an index", what, table)
        .containsPattern("Index (Only )?Scan using \\w+ on " + table + "\\b|Bitmap Index Scan on ")
        .doesNotContainPattern("Seq Scan on " + table + "\\b");
  }

  /** PostgreSQL's plan for {@code sql} with its parameters bound, as EXPLAIN prints it. */
  private static String plan(String sql, Binding binding) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
      binding.bind(connection, explain);
      List<String> lines = new ArrayList<>();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          lines.add(rows.getString(1));
        }
      }
      return String.join("\n", lines);
    } catch (SQLException e) {
      throw new IllegalStateException("could not explain " + sql, e);
    }
  }

  private static Filter filter(
      Optional<String> function,
      Set<RunStatus> statuses,
      Optional<Instant> since,
      Optional<Instant> until) {
    return new Filter(function, statuses, since, until, 50);
  }

  @FunctionalInterface
  private interface Binding {
    void bind(Connection connection, PreparedStatement statement) throws SQLException;
  }
}
