package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgresRunStore against the contract, on a real database. Its clock cannot be moved, so {@link
 * #elapse} waits for PostgreSQL's own clock to pass the point (the contract's durations are short).
 */
class PostgresRunStoreContractTest extends ConcurrentClaimsContract {
  private static MigratedDatabase database;
  private static DataSource dataSource;

  @BeforeAll
  static void createDatabase() {
    database = MigratedDatabase.create("run_store", 4);
    dataSource = database.dataSource();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  /**
   * PostgreSQL's own half of "a cron tick and its run, both or neither": the in-memory store has no
   * insert that can fail.
   */
  @Test
  void aCronTickWhoseRunCannotBeCreatedIsNotRecorded() {
    Instant tick = Instant.parse("2030-01-01T11:00:00Z");
    NewRun notJson =
        new NewRun(UUID.randomUUID(), "digest", UUID.randomUUID(), "not json", null, null);

    assertThatThrownBy(() -> store.startCronTick(tick, notJson)).hasMessageContaining("json");
    NewRun retried = newRun("digest", null);

    assertThat(store.startCronTick(tick, retried))
        .as("the failed start left the tick free")
        .map(RunRecord::id)
        .contains(retried.id());
    assertThat(store.run(notJson.id())).isEmpty();
  }

  @Override
  RunStore emptyStore() {
    execute(
        "TRUNCATE event_runtime.runs, event_runtime.steps, event_runtime.waits,"
            + " event_runtime.stored_events, event_runtime.cron_ticks, event_runtime.outbox");
    return new PostgresRunStore(dataSource);
  }

  @Override
  void elapse(Duration duration) {
    Instant target = store.now().plus(duration);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> !store.now().isBefore(target));
  }

  @Override
  List<UUID> outboxEventIds() {
    try (Connection connection = dataSource.getConnection();
        Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery("SELECT event_id FROM event_runtime.outbox ORDER BY seq")) {
      List<UUID> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
