package com.ticketbounty.eventruntime.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A cron trigger's schedule: a standard five-field Unix cron expression (minute, hour, day of
 * month, month, day of week, as Inngest takes them: {@code 0 0 * * *}) read on the wall clock of a
 * time zone, UTC unless one is given. cron-utils parses it and finds the ticks; this class adds the
 * missed-tick rule of DESIGN.md §5. Immutable and thread-safe.
 *
 * <p>Daylight saving time, as cron-utils computes it (Europe/Berlin for example): a wall-clock time
 * that does not exist on the day clocks go forward ({@code 30 2 * * *} on the last Sunday of March)
 * has no tick that day; a wall-clock time that occurs twice on the day clocks go back ticks once,
 * at its first occurrence; a schedule that names no hour ({@code *}{@code /5 * * * *}) ticks
 * through both occurrences of the repeated hour, every five minutes of real time. {@code 0 0 * * *}
 * ticks at every local midnight, 23 or 25 hours apart around a change.
 */
public final class CronSchedule {
  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime executions;

  private CronSchedule(String expression, ZoneId zone, ExecutionTime executions) {
    this.expression = expression;
    this.zone = zone;
    this.executions = executions;
  }

  /** A schedule on UTC. */
  public static CronSchedule parse(String expression) {
    return parse(expression, ZoneOffset.UTC);
  }

  /**
   * @throws IllegalArgumentException when {@code expression} is not five valid cron fields, or
   *     names a date that never comes ({@code 0 0 30 2 *})
   */
  public static CronSchedule parse(String expression, ZoneId zone) {
    Cron cron;
    try {
      cron =
          new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX))
              .parse(expression)
              .validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid cron expression '"
              + expression
              + "' (five fields: minute hour day-of-month month day-of-week): "
              + e.getMessage(),
          e);
    }
    ExecutionTime executions = ExecutionTime.forCron(cron);
    if (executions.nextExecution(Instant.EPOCH.atZone(zone)).isEmpty()) {
      throw new IllegalArgumentException(
          "cron expression '" + expression + "' never fires: no date matches it");
    }
    return new CronSchedule(expression, zone, executions);
  }

  /** The first tick strictly after {@code instant}. */
  public Instant nextAfter(Instant instant) {
    return executions
        .nextExecution(instant.atZone(zone))
        .map(ZonedDateTime::toInstant)
        .orElseThrow(() -> new IllegalStateException(this + " has no tick after " + instant));
  }

  /**
   * The tick to run once at start-up after every instance was down: the latest tick at or before
   * {@code now}, if it is less than one period old, where the period is the time from the tick
   * before it to it.
   *
   * <p>Why the period before the tick: the time to the tick after it always exceeds the tick's age
   * (otherwise that later tick would be the latest), so measured forwards the rule would hold for
   * every tick. Measured backwards it is the schedule's rhythm where the tick fell: an evenly
   * spaced schedule ({@code *}{@code /5 * * * *}, {@code 0 0 * * *}) always catches its latest tick
   * up, and only that one; an uneven one stops catching up a tick once the pause is longer than its
   * rhythm there ({@code 0 9 * * 1-5}: Friday's 09:00 is caught up on Friday evening, not on
   * Saturday). Periods are real elapsed time, so around a daylight saving change a daily tick's
   * period is 23 or 25 hours. Whether the tick already ran is the caller's to check (one row per
   * function and tick).
   */
  public Optional<Instant> tickToCatchUp(Instant now) {
    return latestAtOrBefore(now)
        .filter(
            tick ->
                latestBefore(tick)
                    .filter(previous -> isYounger(tick, now, Duration.between(previous, tick)))
                    .isPresent());
  }

  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public String toString() {
    return "CronSchedule[" + expression + " " + zone + "]";
  }

  private static boolean isYounger(Instant tick, Instant now, Duration period) {
    return Duration.between(tick, now).compareTo(period) < 0;
  }

  private Optional<Instant> latestAtOrBefore(Instant now) {
    return latestBefore(now)
        .map(
            previous -> {
              Instant next = nextAfter(previous);
              return next.isAfter(now) ? previous : next;
            });
  }

  /** The latest tick strictly before {@code instant}. */
  private Optional<Instant> latestBefore(Instant instant) {
    return executions.lastExecution(instant.atZone(zone)).map(ZonedDateTime::toInstant);
  }
}
