package com.ticketbounty.bench.subject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The hand-written baseline's durable run: a run row (one per event id, so a redelivery finds it),
 * a step row per finished step (so a redelivery skips it), each in its own transaction. A new run
 * reads nothing: its insert tells it that no step can exist yet.
 */
final class HandWrittenRuns {
  private final DataSource dataSource;
  private final StepWork work;

  HandWrittenRuns(DataSource dataSource, StepWork work) {
    this.dataSource = dataSource;
    this.work = work;
  }

  void createTables() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS runs (id uuid PRIMARY KEY, status text NOT NULL,"
              + " event jsonb NOT NULL, output text, created_at timestamptz NOT NULL DEFAULT"
              + " now(), ended_at timestamptz)");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS steps (run_id uuid NOT NULL REFERENCES runs,"
              + " step int NOT NULL, output text NOT NULL, PRIMARY KEY (run_id, step))");
    }
  }

  /** Runs the event's function to its end; false when it had already completed. */
  boolean run(BaselineEvent event, int steps) throws Exception {
    UUID id = event.id();
    Set<Integer> done = new HashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (!start(connection, event)) {
          if (completed(connection, id)) {
            connection.commit();
            return false;
          }
          done.addAll(finishedSteps(connection, id));
        }
        connection.commit();
        String output = "";
        for (int step = 1; step <= steps; step++) {
          if (!done.contains(step)) {
            output = work.run(id.toString(), step, id + ":" + step);
            recordStep(connection, id, step, output);
            connection.commit();
          }
        }
        end(connection, id, output);
        connection.commit();
        return true;
      } catch (Exception e) {
        HandWrittenSubject.rollbackQuietly(connection);
        throw e;
      }
    }
  }

  private static boolean start(Connection connection, BaselineEvent event) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO runs (id, status, event) VALUES (?, 'running', ?::jsonb)"
                + " ON CONFLICT (id) DO NOTHING")) {
      insert.setObject(1, event.id());
      insert.setString(2, event.json());
      return insert.executeUpdate() == 1;
    }
  }

  private static boolean completed(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() && row.getString(1).equals("completed");
      }
    }
  }

  private static Set<Integer> finishedSteps(Connection connection, UUID id) throws SQLException {
    Set<Integer> steps = new HashSet<>();
    try (PreparedStatement select =
        connection.prepareStatement("SELECT step FROM steps WHERE run_id = ?")) {
      select.setObject(1, id);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          steps.add(rows.getInt(1));
        }
      }
    }
    return steps;
  }

  private static void recordStep(Connection connection, UUID id, int step, String output)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO steps (run_id, step, output) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setObject(1, id);
      insert.setInt(2, step);
      insert.setString(3, output);
      insert.executeUpdate();
    }
  }

  private static void end(Connection connection, UUID id, String output) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE runs SET status = 'completed', output = ?, ended_at = now() WHERE id = ?")) {
      update.setString(1, output);
      update.setObject(2, id);
      update.executeUpdate();
    }
  }
}
