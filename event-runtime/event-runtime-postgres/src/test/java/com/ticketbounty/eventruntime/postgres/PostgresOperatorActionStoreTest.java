package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.OperatorActionStore.Actor;
import com.ticketbounty.eventruntime.spi.OperatorActionStore.NewOperatorAction;
import com.ticketbounty.eventruntime.spi.OperatorActionStore.OperatorAction;
import com.ticketbounty.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresOperatorActionStoreTest {
  private static TestDatabase database;
  private static DataSource dataSource;
  private static PostgresOperatorActionStore store;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create("operator_actions");
    dataSource = database.dataSource();
    RuntimeSchema.migrate(dataSource);
    store = new PostgresOperatorActionStore(dataSource);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @BeforeEach
  void empty() throws SQLException {
    execute("DELETE FROM event_runtime.operator_actions");
  }

  @Test
  void keepsWhoWhatAndTheDetailAndListsNewestFirst() {
    Actor ada = new Actor("0b7c1f1e-0000-4000-8000-000000000001", "ada");
    OperatorAction first = store.record(new NewOperatorAction(ada, "run.replayed", "run-1", "{}"));
    OperatorAction second =
        store.record(
            new NewOperatorAction(
                new Actor("svc", null),
                "runs.replayed",
                null,
                "{\"filter\":{\"function\":\"f\"},\"count\":3}"));

    List<OperatorAction> listed = store.list(null, 10);

    assertThat(listed).extracting(OperatorAction::id).containsExactly(second.id(), first.id());
    assertThat(listed.get(1).what()).isEqualTo(first.what());
    assertThat(listed.get(0).what().actor().name()).isNull();
    assertThat(listed.get(0).what().target()).isNull();
    assertThat(listed.get(0).what().detailJson()).contains("\"count\": 3");
    assertThat(listed.get(0).at()).isAfterOrEqualTo(listed.get(1).at());
  }

  @Test
  void listsOnlySinceATimeAndAtMostTheLimit() throws SQLException {
    Actor ada = new Actor("a", "ada");
    store.record(new NewOperatorAction(ada, "run.cancelled", "old", "{}"));
    execute("UPDATE event_runtime.operator_actions SET at = now() - interval '2 days'");
    OperatorAction recent = store.record(new NewOperatorAction(ada, "event.sent", "e-1", "{}"));
    store.record(new NewOperatorAction(ada, "event.sent", "e-2", "{}"));

    List<OperatorAction> sinceYesterday = store.list(recent.at().minus(Duration.ofHours(1)), 10);

    assertThat(sinceYesterday)
        .extracting(action -> action.what().target())
        .containsExactly("e-2", "e-1");
    assertThat(store.list(null, 1)).extracting(a -> a.what().target()).containsExactly("e-2");
  }

  @Test
  void retentionRemovesOnlyEntriesOlderThanTheAuditPeriod() throws Exception {
    Actor ada = new Actor("a", "ada");
    store.record(new NewOperatorAction(ada, "run.replayed", "ancient", "{}"));
    store.record(new NewOperatorAction(ada, "run.replayed", "last-month", "{}"));
    store.record(new NewOperatorAction(ada, "run.replayed", "today", "{}"));
    execute(
        "UPDATE event_runtime.operator_actions SET at = now() - interval '100 days'"
            + " WHERE target = 'ancient'");
    execute(
        "UPDATE event_runtime.operator_actions SET at = now() - interval '30 days'"
            + " WHERE target = 'last-month'");

    Map<String, Integer> kept = new RetentionPruner(dataSource, 1).prune(Duration.ofDays(7));
    Map<String, Integer> deleted =
        new RetentionPruner(dataSource, 1).prune(Duration.ofDays(7), Duration.ofDays(90));

    assertThat(kept).doesNotContainKey("operator_actions");
    assertThat(deleted).containsEntry("operator_actions", 1);
    assertThat(store.list(null, 10))
        .extracting(a -> a.what().target())
        .containsExactly("today", "last-month");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
