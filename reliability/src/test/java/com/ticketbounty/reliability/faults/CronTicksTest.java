package com.ticketbounty.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CronTicksTest {
  private static final Instant T1 = Instant.parse("2026-12-06T21:01:00Z");
  private static final Instant T2 = Instant.parse("2026-12-06T21:02:00Z");
  private static final Instant T3 = Instant.parse("2026-12-06T21:03:00Z");

  @Test
  void theMinutesThatPassedAreTheWholeMinutesAfterTheStartUpToTheEnd() {
    assertThat(
            CronTicks.minutes(
                Instant.parse("2026-12-06T21:00:30Z"), Instant.parse("2026-12-06T21:03:00Z")))
        .containsExactly(T1, T2, T3);
    assertThat(CronTicks.minutes(T1, Instant.parse("2026-12-06T21:02:59Z")))
        .as("a start on a whole minute: that tick may have run before the start")
        .containsExactly(T2);
    assertThat(CronTicks.minutes(T3, T2)).isEmpty();
  }

  @Test
  void everyMinuteClaimedOnceAndRunOnceToCompletionHolds() {
    CronTicks ticks =
        CronTicks.of(
            List.of(T1, T2, T3),
            Map.of(T1, 1, T2, 1, T3, 1),
            Map.of(T1, ran(1, 1, 0), T2, ran(1, 1, 1), T3, ran(1, 1, 0)));

    assertThat(ticks.everyTickOnce()).isTrue();
    assertThat(ticks.missed()).isZero();
    assertThat(ticks.extraRuns()).isZero();
    assertThat(ticks.since(T2)).isEqualTo(2);
  }

  @Test
  void aMissedMinuteARepeatedRunOrAnUnfinishedRunDoesNotHold() {
    CronTicks missed = CronTicks.of(List.of(T1, T2), Map.of(T1, 1), Map.of(T1, ran(1, 1, 0)));
    CronTicks twice = CronTicks.of(List.of(T1), Map.of(T1, 1), Map.of(T1, ran(2, 2, 0)));
    CronTicks unfinished = CronTicks.of(List.of(T1), Map.of(T1, 1), Map.of(T1, ran(1, 0, 1)));

    assertThat(missed.everyTickOnce()).isFalse();
    assertThat(missed.missed()).isEqualTo(1);
    assertThat(twice.everyTickOnce()).isFalse();
    assertThat(twice.extraRuns()).isEqualTo(1);
    assertThat(unfinished.everyTickOnce()).isFalse();
    assertThat(CronTicks.of(List.of(), Map.of(), Map.of()).everyTickOnce())
        .as("no minute passed: nothing was shown")
        .isFalse();
  }

  private static int[] ran(int runs, int completed, int takeovers) {
    return new int[] {runs, completed, takeovers};
  }
}
