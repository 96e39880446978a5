package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.testsupport.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker JVM killed with {@code destroyForcibly} while inside a step: a second worker takes the
 * run over once the lease expires, the run completes, and no step that finished before the kill
 * runs again. The interrupted step runs again — that is what its idempotency key is for.
 */
class WorkerCrashTest {
  private TestDatabase database;
  private final List<Process> workers = new ArrayList<>();

  @BeforeEach
  void createDatabase() throws SQLException {
    database = TestDatabase.create("crash");
    RuntimeSchema.migrate(database.dataSource());
    execute(
        "CREATE TABLE marks (seq BIGINT GENERATED ALWAYS AS IDENTITY, step TEXT NOT NULL,"
            + " worker TEXT NOT NULL)");
  }

  @AfterEach
  void stopWorkers() throws InterruptedException {
    for (Process worker : workers) {
      worker.destroyForcibly();
      worker.waitFor(10, TimeUnit.SECONDS);
    }
    database.close();
  }

  @Test
  void aSecondWorkerResumesTheRunWithoutRepeatingFinishedSteps() throws Exception {
    Process first = start("first", "submit");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> marks().contains("b:first") || !first.isAlive());
    assertThat(first.isAlive()).as("the first worker reached step b").isTrue();

    first.destroyForcibly();
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
    start("second");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "completed".equals(query("SELECT status FROM event_runtime.runs")));
    assertThat(marks()).containsExactly("a:first", "b:first", "b:second", "c:second");
    assertThat(query("SELECT count(*)::text FROM event_runtime.runs")).isEqualTo("1");
  }

  private Process start(String worker, String... extra) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashingWorker.class.getName());
    command.add(database.jdbcUrl());
    command.add(worker);
    command.addAll(List.of(extra));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(new File("target/crash-worker-" + worker + ".log"))
            .start();
    workers.add(process);
    return process;
  }

  private List<String> marks() throws SQLException {
    List<String> marks = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT step || ':' || worker FROM marks ORDER BY seq")) {
      while (rows.next()) {
        marks.add(rows.getString(1));
      }
    }
    return marks;
  }

  private String query(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
