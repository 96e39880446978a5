package com.ticketbounty.reliability.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the services' databases say was done and what is still pending, read as the administrator:
 * the effects a phase's work calls for (from the tickets, comments and accounts its tag marks, and
 * identity-service's announced password changes), notification-service's runs that have not
 * finished, failed runs with their reasons, live dead letters, outbox rows not yet sent, and the
 * moment each finished step was recorded (to find a step that ran again after it finished).
 */
final class SystemState {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SuiteSystem system;

  SystemState(SuiteSystem system) {
    this.system = system;
  }

  /** The e-mails the phase tagged {@code tag} must have caused, once each. */
  Set<String> expectedEffects(String tag, Set<String> answeredTickets) throws SQLException {
    Set<String> effects = new HashSet<>();
    for (String ticket :
        strings("ticket", "SELECT id::text FROM tickets WHERE title LIKE ?", tag)) {
      effects.add(Effects.confirmation(ticket));
    }
    // Answered 201 but not in the database would be half-done: still expected, so counted lost.
    answeredTickets.forEach(ticket -> effects.add(Effects.confirmation(ticket)));
    for (String ticket :
        strings("comment", "SELECT ticket_id::text FROM comments WHERE content LIKE ?", tag)) {
      effects.add(Effects.commentToOwner(ticket));
    }
    for (String email : strings("identity", "SELECT email FROM users WHERE email LIKE ?", tag)) {
      effects.add(Effects.welcome(email));
    }
    for (String body :
        strings(
            "identity",
            "SELECT body FROM event_runtime.outbox WHERE event_name = ? ",
            "app/account.password-changed")) {
      String email = emailOf(body);
      if (email.startsWith(tag)) {
        effects.add(Effects.passwordChanged(email));
      }
    }
    return effects;
  }

  /** notification-service's runs that are neither completed, failed nor cancelled. */
  long unfinishedRuns() throws SQLException {
    return count(
        "notification",
        "SELECT count(*) FROM event_runtime.runs"
            + " WHERE status NOT IN ('completed', 'failed', 'cancelled')");
  }

  /** notification-service's failed runs, as {@code <run id> <function>: <error>}. */
  List<String> failedRuns() throws SQLException {
    return strings(
        "notification",
        "SELECT id::text || ' ' || function_id || ': ' || coalesce(error, '?')"
            + " FROM event_runtime.runs"
            + " WHERE status = 'failed'");
  }

  /** Dead letters not redriven, in every service's database. */
  List<DeadLetter> deadLetters() throws SQLException {
    List<DeadLetter> letters = new ArrayList<>();
    for (String database : SuiteSystem.DATABASE_OF.values()) {
      if (!hasRuntime(database)) {
        continue;
      }
      try (Connection connection = system.database(database);
          Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT queue, coalesce(message_id, ''), reason FROM event_runtime.dead_letters"
                      + " WHERE redriven_at IS NULL")) {
        while (rows.next()) {
          letters.add(new DeadLetter(rows.getString(1), rows.getString(2), rows.getString(3)));
        }
      }
    }
    return letters;
  }

  /** Outbox rows not yet published, in every service's database. */
  long unsentOutboxRows() throws SQLException {
    long unsent = 0;
    for (String database : SuiteSystem.DATABASE_OF.values()) {
      if (hasRuntime(database)) {
        unsent +=
            count(database, "SELECT count(*) FROM event_runtime.outbox WHERE published_at IS NULL");
      }
    }
    return unsent;
  }

  /** When each of notification-service's completed steps was recorded, by {@code run:step}. */
  Map<String, Instant> completedSteps() throws SQLException {
    Map<String, Instant> steps = new HashMap<>();
    try (Connection connection = system.database("notification");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT run_id::text || ':' || step_key, recorded_at FROM event_runtime.steps"
                    + " WHERE status = 'completed'")) {
      while (rows.next()) {
        steps.put(rows.getString(1), rows.getTimestamp(2).toInstant());
      }
    }
    return steps;
  }

  private boolean hasRuntime(String database) throws SQLException {
    return count(
            database,
            "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'event_runtime' AND table_name = 'outbox'")
        > 0;
  }

  private long count(String database, String sql) throws SQLException {
    try (Connection connection = system.database(database);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The first column of every row; {@code tag} parameters get a trailing {@code %}. */
  private List<String> strings(String database, String sql, String... parameters)
      throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = system.database(database);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, sql.contains("LIKE") ? parameters[i] + "%" : parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }

  private static String emailOf(String body) {
    JsonNode email = JSON.readTree(body).findValue("email");
    return email == null ? "" : email.asString("");
  }
}
