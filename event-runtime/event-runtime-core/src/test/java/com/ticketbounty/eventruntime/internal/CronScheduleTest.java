package com.ticketbounty.eventruntime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void nextTickIsStrictlyAfterTheGivenInstant() {
    CronSchedule everyFive = CronSchedule.parse("*/5 * * * *");

    assertThat(everyFive.nextAfter(utc("2025-01-01T10:10:00Z")))
        .isEqualTo(utc("2025-01-01T10:15:00Z"));
    assertThat(everyFive.nextAfter(utc("2025-01-01T10:12:30Z")))
        .isEqualTo(utc("2025-01-01T10:15:00Z"));
    assertThat(everyFive.nextAfter(utc("2025-01-01T10:09:59.999Z")))
        .isEqualTo(utc("2025-01-01T10:10:00Z"));
  }

  @Test
  void readsTheExpressionOnUtcWhenNoZoneIsGiven() {
    CronSchedule midnight = CronSchedule.parse("0 0 * * *");

    assertThat(midnight.zone()).isEqualTo(ZoneId.of("Z"));
    assertThat(midnight.nextAfter(utc("2025-06-01T12:00:00Z")))
        .isEqualTo(utc("2025-06-02T00:00:00Z"));
    assertThat(CronSchedule.parse("0 0 * * *", BERLIN).nextAfter(utc("2025-06-01T12:00:00Z")))
        .isEqualTo(utc("2025-06-01T22:00:00Z"));
  }

  @Test
  void crossesMonthAndYearEnds() {
    assertThat(CronSchedule.parse("0 0 * * *").nextAfter(utc("2025-01-31T12:00:00Z")))
        .isEqualTo(utc("2025-02-01T00:00:00Z"));
    assertThat(CronSchedule.parse("0 0 1 * *").nextAfter(utc("2025-12-15T00:00:00Z")))
        .isEqualTo(utc("2026-01-01T00:00:00Z"));
    assertThat(CronSchedule.parse("0 0 31 * *").nextAfter(utc("2025-01-31T00:00:00Z")))
        .isEqualTo(utc("2025-03-31T00:00:00Z"));
    assertThat(CronSchedule.parse("0 12 29 2 *").nextAfter(utc("2025-03-01T00:00:00Z")))
        .isEqualTo(utc("2028-02-29T12:00:00Z"));
  }

  @Test
  void matchesDayOfMonthOrDayOfWeekWhenBothAreGivenAsUnixCronDoes() {
    assertThat(ticks(CronSchedule.parse("0 0 13 * 5"), utc("2025-06-01T00:00:00Z"), 3))
        .containsExactly(
            utc("2025-06-06T00:00:00Z"), utc("2025-06-13T00:00:00Z"), utc("2025-06-20T00:00:00Z"));
  }

  @Test
  void keepsLocalMidnightAcrossDaylightSavingChanges() {
    CronSchedule midnight = CronSchedule.parse("0 0 * * *", BERLIN);

    assertThat(ticks(midnight, utc("2025-03-29T12:00:00Z"), 2))
        .containsExactly(utc("2025-03-29T23:00:00Z"), utc("2025-03-30T22:00:00Z"));
    assertThat(ticks(midnight, utc("2025-10-25T12:00:00Z"), 2))
        .containsExactly(utc("2025-10-25T22:00:00Z"), utc("2025-10-26T23:00:00Z"));
  }

  @Test
  void skipsAWallClockTimeThatDoesNotExistWhenClocksGoForward() {
    CronSchedule twoThirty = CronSchedule.parse("30 2 * * *", BERLIN);

    assertThat(twoThirty.nextAfter(berlin(2025, 3, 29, 12, 0)))
        .isEqualTo(utc("2025-03-31T00:30:00Z"));
  }

  @Test
  void ticksOnceForARepeatedWallClockTimeButThroughBothRepeatedHoursForMinuteSchedules() {
    assertThat(ticks(CronSchedule.parse("30 2 * * *", BERLIN), berlin(2025, 10, 25, 12, 0), 2))
        .containsExactly(utc("2025-10-26T00:30:00Z"), utc("2025-10-27T01:30:00Z"));
    assertThat(ticks(CronSchedule.parse("*/20 * * * *", BERLIN), utc("2025-10-26T00:30:00Z"), 4))
        .containsExactly(
            utc("2025-10-26T00:40:00Z"),
            utc("2025-10-26T01:00:00Z"),
            utc("2025-10-26T01:20:00Z"),
            utc("2025-10-26T01:40:00Z"));
  }

  @Test
  void catchesUpOnlyTheLatestTickJustMissed() {
    CronSchedule everyFive = CronSchedule.parse("*/5 * * * *");

    assertThat(everyFive.tickToCatchUp(utc("2025-01-01T10:12:00Z")))
        .contains(utc("2025-01-01T10:10:00Z"));
  }

  @Test
  void catchesUpATickThatIsExactlyNow() {
    CronSchedule everyFive = CronSchedule.parse("*/5 * * * *");

    assertThat(everyFive.tickToCatchUp(utc("2025-01-01T10:10:00Z")))
        .contains(utc("2025-01-01T10:10:00Z"));
  }

  @Test
  void catchesUpLastMidnightOfADailySchedule() {
    CronSchedule midnight = CronSchedule.parse("0 0 * * *");

    assertThat(midnight.tickToCatchUp(utc("2025-01-01T23:59:00Z")))
        .contains(utc("2025-01-01T00:00:00Z"));
  }

  @Test
  void doesNotCatchUpATickMoreThanOnePeriodOld() {
    CronSchedule weekdays = CronSchedule.parse("0 9 * * 1-5");

    // Friday 2025-01-03 09:00, then the weekend: the period before Friday's tick is one day.
    assertThat(weekdays.tickToCatchUp(utc("2025-01-03T20:00:00Z")))
        .contains(utc("2025-01-03T09:00:00Z"));
    assertThat(weekdays.tickToCatchUp(utc("2025-01-04T10:00:00Z"))).isEmpty();
    assertThat(weekdays.tickToCatchUp(utc("2025-01-04T09:00:00Z"))).isEmpty();
  }

  @Test
  void measuresThePeriodInRealTimeAcrossDaylightSavingChanges() {
    CronSchedule midnight = CronSchedule.parse("0 0 * * *", BERLIN);

    // Midnight of 31 March follows a 23-hour day: 23h30 later it is more than one period old.
    assertThat(midnight.tickToCatchUp(berlin(2025, 3, 31, 22, 30)))
        .contains(berlin(2025, 3, 31, 0, 0));
    assertThat(midnight.tickToCatchUp(berlin(2025, 3, 31, 23, 30))).isEmpty();
    // Midnight of 27 October follows a 25-hour day.
    assertThat(midnight.tickToCatchUp(berlin(2025, 10, 27, 23, 30)))
        .contains(berlin(2025, 10, 27, 0, 0));
  }

  @Test
  void catchesUpTheTickOfTheSecondOccurrenceOfARepeatedHour() {
    CronSchedule everyFive = CronSchedule.parse("*/5 * * * *", BERLIN);

    // 02:12 CET, the second 02:12 of 26 October: the tick is 02:10 CET, not 02:10 CEST.
    assertThat(everyFive.tickToCatchUp(utc("2025-10-26T01:12:00Z")))
        .contains(utc("2025-10-26T01:10:00Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0 0 * *",
        "0 0 * * * *",
        "61 0 * * *",
        "0 25 * * *",
        "@daily",
        "0 0 L * *",
        "every day"
      })
  void refusesAnInvalidExpressionNamingIt(String expression) {
    assertThatThrownBy(() -> CronSchedule.parse(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid cron expression '" + expression + "'");
  }

  @Test
  void refusesAnExpressionThatNeverFires() {
    assertThatThrownBy(() -> CronSchedule.parse("0 0 30 2 *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cron expression '0 0 30 2 *' never fires: no date matches it");
  }

  private static List<Instant> ticks(CronSchedule schedule, Instant from, int count) {
    List<Instant> ticks = new ArrayList<>();
    Instant at = from;
    for (int i = 0; i < count; i++) {
      at = schedule.nextAfter(at);
      ticks.add(at);
    }
    return ticks;
  }

  private static Instant utc(String instant) {
    return Instant.parse(instant);
  }

  private static Instant berlin(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BERLIN).toInstant();
  }
}
