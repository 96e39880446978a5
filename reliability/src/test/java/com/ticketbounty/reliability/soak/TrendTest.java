package com.ticketbounty.reliability.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendTest {
  @Test
  void aNoisyLevelIsFlat() {
    Random random = new Random(7);
    List<double[]> points = series(40, minute -> 200 + random.nextGaussian() * 20);

    assertThat(Trend.of(points, 1).verdict()).isEqualTo(Trend.Verdict.FLAT);
  }

  @Test
  void aSteadyClimbUnderNoiseIsGrowing() {
    Random random = new Random(7);
    List<double[]> points = series(40, minute -> 100 + 8 * minute + random.nextGaussian() * 5);

    Trend trend = Trend.of(points, 1);

    assertThat(trend.verdict()).isEqualTo(Trend.Verdict.GROWING);
    assertThat(trend.slopePerMinute()).isBetween(6.0, 10.0);
  }

  @Test
  void aClimbThatLevelsOffBeforeTheSecondHalfIsFlat() {
    List<double[]> points = series(40, minute -> Math.min(300, 60 * minute));

    assertThat(Trend.of(points, 1).verdict()).isEqualTo(Trend.Verdict.FLAT);
  }

  @Test
  void aSawtoothOfDeadTuplesVacuumedEveryTwoMinutesIsFlat() {
    List<double[]> points = series(40, minute -> 1000 * (minute % 2));

    assertThat(Trend.of(points, 1).verdict()).isEqualTo(Trend.Verdict.FLAT);
  }

  @Test
  void deadTuplesNeverVacuumedAreGrowing() {
    List<double[]> points = series(40, minute -> 4600 * minute);

    assertThat(Trend.of(points, 1).verdict()).isEqualTo(Trend.Verdict.GROWING);
  }

  @Test
  void aThroughputThatSinksIsFalling() {
    List<double[]> points = series(40, minute -> 20 - minute);

    assertThat(Trend.of(points, 1).verdict()).isEqualTo(Trend.Verdict.FALLING);
  }

  @Test
  void heapSpikesAboveAFlatFloorAreFlatOnTheFloor() {
    // Every fourth reading catches password hashes in flight: +19 MiB each, one to four of them.
    Random random = new Random(3);
    List<double[]> points =
        series(40, minute -> 80 + (random.nextInt(4) == 0 ? 19 * (1 + random.nextInt(4)) : 0));

    assertThat(Trend.of(points, 4).verdict()).isEqualTo(Trend.Verdict.FLAT);
  }

  @Test
  void aHeapFloorThatRisesIsGrowingWhateverTheSpikes() {
    Random random = new Random(3);
    List<double[]> points =
        series(
            40, minute -> 80 + 3 * minute + (random.nextInt(3) == 0 ? 19 * random.nextInt(4) : 0));

    assertThat(Trend.of(points, 4).verdict()).isEqualTo(Trend.Verdict.GROWING);
  }

  @Test
  void floorsAreTheMinimumOfEachRunPlacedAtItsEnd() {
    List<double[]> points =
        List.of(
            new double[] {1, 5},
            new double[] {2, 3},
            new double[] {3, 9},
            new double[] {4, 4},
            new double[] {5, 1});

    assertThat(Trend.floors(points, 2)).containsExactly(new double[] {2, 3}, new double[] {4, 4});
  }

  @Test
  void tooFewSamplesGiveNoVerdict() {
    assertThat(Trend.of(series(3, minute -> minute), 1).verdict())
        .isEqualTo(Trend.Verdict.TOO_SHORT);
    assertThat(Trend.of(List.of(), 1).verdict()).isEqualTo(Trend.Verdict.TOO_SHORT);
    assertThat(Trend.of(series(7, minute -> minute), 12).verdict())
        .isEqualTo(Trend.Verdict.TOO_SHORT);
  }

  /** {@code count} samples, a quarter of a minute apart, of {@code value} at each minute. */
  private static List<double[]> series(int count, java.util.function.DoubleUnaryOperator value) {
    List<double[]> points = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      double minute = i / 4.0;
      points.add(new double[] {minute, value.applyAsDouble(minute)});
    }
    return points;
  }
}
