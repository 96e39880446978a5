package com.ticketbounty.reliability.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An every-minute cron function's ticks as its database records them — the {@code cron_ticks} row
 * whose insert won the tick, and the runs started for it — judged against the minutes that passed:
 * every tick claimed once and run once, to completion.
 *
 * @param ticks what was recorded for each minute that passed, in order
 */
record CronTicks(List<Tick> ticks) {
  /**
   * One minute's tick.
   *
   * @param claims its {@code cron_ticks} rows (the primary key allows one)
   * @param runs the runs started for it
   * @param completed of them, completed
   * @param takeovers the most times one of its runs was resumed after a lease expired
   */
  record Tick(Instant at, int claims, int runs, int completed, int takeovers) {
    boolean once() {
      return claims == 1 && runs == 1 && completed == 1;
    }
  }

  /** The minutes that passed: every whole minute after {@code after} up to {@code until}. */
  static List<Instant> minutes(Instant after, Instant until) {
    List<Instant> minutes = new ArrayList<>();
    for (Instant minute = after.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        !minute.isAfter(until);
        minute = minute.plus(1, ChronoUnit.MINUTES)) {
      minutes.add(minute);
    }
    return minutes;
  }

  /**
   * What {@code connection}'s database recorded for {@code function}'s ticks in {@code minutes}.
   */
  static CronTicks read(Connection connection, String function, List<Instant> minutes)
      throws SQLException {
    Map<Instant, Integer> claims = new TreeMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT tick, count(*) FROM event_runtime.cron_ticks WHERE function_id = ?"
                + " GROUP BY tick")) {
      query.setString(1, function);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          claims.put(rows.getTimestamp(1).toInstant(), rows.getInt(2));
        }
      }
    }
    Map<Instant, int[]> runs = new TreeMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT event->'data'->>'tick', count(*), count(*) FILTER (WHERE status ="
                + " 'completed'), max(takeovers) FROM event_runtime.runs WHERE function_id = ?"
                + " GROUP BY 1")) {
      query.setString(1, function);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          runs.put(
              Instant.parse(rows.getString(1)),
              new int[] {rows.getInt(2), rows.getInt(3), rows.getInt(4)});
        }
      }
    }
    return of(minutes, claims, runs);
  }

  /** {@code runs}: per tick, {runs, completed, most takeovers}. */
  static CronTicks of(
      List<Instant> minutes, Map<Instant, Integer> claims, Map<Instant, int[]> runs) {
    List<Tick> ticks = new ArrayList<>();
    for (Instant minute : minutes) {
      int[] ran = runs.getOrDefault(minute, new int[3]);
      ticks.add(new Tick(minute, claims.getOrDefault(minute, 0), ran[0], ran[1], ran[2]));
    }
    return new CronTicks(List.copyOf(ticks));
  }

  /** Every minute's tick claimed once and run once to completion. */
  boolean everyTickOnce() {
    return !ticks.isEmpty() && ticks.stream().allMatch(Tick::once);
  }

  /** Minutes with no run. */
  long missed() {
    return ticks.stream().filter(tick -> tick.runs() == 0).count();
  }

  /** Runs beyond one per tick. */
  long extraRuns() {
    return ticks.stream().mapToLong(tick -> Math.max(0, tick.runs() - 1)).sum();
  }

  /** Ticks at or after {@code instant}. */
  long since(Instant instant) {
    return ticks.stream().filter(tick -> !tick.at().isBefore(instant)).count();
  }
}
