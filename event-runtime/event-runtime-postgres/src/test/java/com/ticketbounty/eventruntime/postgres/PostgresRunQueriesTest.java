package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.RunQueries.Filter;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresRunQueriesTest {
  private static TestDatabase database;
  private static DataSource dataSource;
  private static PostgresRunQueries queries;

  @BeforeAll
  static void createRuns() throws SQLException {
    database = TestDatabase.create("runqueries");
    dataSource = database.dataSource();
    RuntimeSchema.migrate(dataSource);
    queries = new PostgresRunQueries(dataSource);
    run("ticket-created", "completed", "now() - interval '3 days'");
    run("ticket-created", "failed", "now() - interval '2 days'");
    run("ticket-created", "failed", "now() - interval '1 hour'");
    run("digest", "sleeping", "now() - interval '10 minutes'");
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void listsNewestFirstUpToTheLimit() {
    assertThat(queries.find(filter(Optional.empty(), Set.of(), Optional.empty(), 3)))
        .extracting(RunRecord::functionId)
        .containsExactly("digest", "ticket-created", "ticket-created");
  }

  @Test
  void filtersByFunctionStatusAndTime() {
    Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);

    assertThat(
            queries.find(
                filter(
                    Optional.of("ticket-created"), Set.of(RunStatus.FAILED), Optional.empty(), 10)))
        .hasSize(2)
        .allMatch(run -> run.status() == RunStatus.FAILED);
    assertThat(queries.find(filter(Optional.empty(), Set.of(), Optional.of(yesterday), 10)))
        .extracting(RunRecord::status)
        .containsExactly(RunStatus.SLEEPING, RunStatus.FAILED);
    assertThat(
            queries.find(
                filter(
                    Optional.empty(),
                    Set.of(RunStatus.COMPLETED, RunStatus.SLEEPING),
                    Optional.empty(),
                    10)))
        .extracting(RunRecord::functionId)
        .containsExactly("digest", "ticket-created");
  }

  private static Filter filter(
      Optional<String> function, Set<RunStatus> statuses, Optional<Instant> since, int limit) {
    return new Filter(function, statuses, since, Optional.empty(), limit);
  }

  private static void run(String function, String status, String createdAt) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO event_runtime.runs (id, function_id, event_id, event, status, due_at,"
              + " created_at) VALUES (gen_random_uuid(), '"
              + function
              + "', gen_random_uuid(),"
              + " '{}', '"
              + status
              + "', now(), "
              + createdAt
              + ")");
    }
  }
}
