package com.ticketbounty.reliability.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a series is flat or keeps growing (or falling), judged on its second half, after start-up
 * and warm-up: the least-squares slope there, times the second half's length, is the rise. The
 * series moves when the rise is larger than both three times the noise (the standard deviation of
 * the second half's points around that line) and 5 % of its level (the second half's median), so
 * that a sawtooth (autovacuum) or a jittery latency is flat while a steady climb is growing.
 *
 * <p>With a floor of {@code k} samples, the series is first reduced to the minimum of each run of
 * {@code k} consecutive samples: heap after GC of a service that hashes passwords (Argon2, 19 MiB a
 * hash) depends on the hashes in flight at that instant; its floor shows what is kept.
 */
public record Trend(
    double first,
    double last,
    double min,
    double max,
    double slopePerMinute,
    double rise,
    double tolerance,
    Verdict verdict) {

  public enum Verdict {
    FLAT("flat"),
    GROWING("growing"),
    FALLING("falling"),
    TOO_SHORT("too few samples");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** Fewer points than this in the second half (after any floor) cannot show a trend. */
  static final int MIN_POINTS = 3;

  public static Trend of(List<double[]> points, int floorSamples) {
    if (points.isEmpty()) {
      return new Trend(0, 0, 0, 0, 0, 0, 0, Verdict.TOO_SHORT);
    }
    double[] values = points.stream().mapToDouble(p -> p[1]).toArray();
    double first = values[0];
    double last = values[values.length - 1];
    double min = Arrays.stream(values).min().orElseThrow();
    double max = Arrays.stream(values).max().orElseThrow();
    List<double[]> judged = floorSamples > 1 ? floors(points, floorSamples) : points;
    if (judged.isEmpty()) {
      // Fewer samples than one floor: a soak shorter than a minute (the smoke).
      return new Trend(first, last, min, max, 0, 0, 0, Verdict.TOO_SHORT);
    }
    double from = (judged.get(0)[0] + judged.get(judged.size() - 1)[0]) / 2;
    List<double[]> half = judged.stream().filter(p -> p[0] >= from).toList();
    if (half.size() < MIN_POINTS) {
      return new Trend(first, last, min, max, 0, 0, 0, Verdict.TOO_SHORT);
    }
    Line line = Line.fit(half);
    double span = half.get(half.size() - 1)[0] - half.get(0)[0];
    double rise = line.slope() * span;
    double tolerance = Math.max(3 * line.residualDeviation(), 0.05 * Math.abs(median(half)));
    Verdict verdict =
        rise > tolerance ? Verdict.GROWING : -rise > tolerance ? Verdict.FALLING : Verdict.FLAT;
    return new Trend(first, last, min, max, line.slope(), rise, tolerance, verdict);
  }

  /** The minimum of each run of {@code k} points, placed at the run's last point. */
  static List<double[]> floors(List<double[]> points, int k) {
    List<double[]> floors = new ArrayList<>();
    for (int start = 0; start + k <= points.size(); start += k) {
      double floor = Double.MAX_VALUE;
      for (int i = start; i < start + k; i++) {
        floor = Math.min(floor, points.get(i)[1]);
      }
      floors.add(new double[] {points.get(start + k - 1)[0], floor});
    }
    return floors;
  }

  private static double median(List<double[]> points) {
    double[] sorted = points.stream().mapToDouble(p -> p[1]).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** A least-squares line through points, and how far the points lie from it. */
  record Line(double slope, double intercept, double residualDeviation) {
    static Line fit(List<double[]> points) {
      int n = points.size();
      double meanX = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
      double meanY = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
      double sxy = 0;
      double sxx = 0;
      for (double[] p : points) {
        sxy += (p[0] - meanX) * (p[1] - meanY);
        sxx += (p[0] - meanX) * (p[0] - meanX);
      }
      double slope = sxx == 0 ? 0 : sxy / sxx;
      double intercept = meanY - slope * meanX;
      double squares = 0;
      for (double[] p : points) {
        double residual = p[1] - (intercept + slope * p[0]);
        squares += residual * residual;
      }
      return new Line(slope, intercept, Math.sqrt(squares / n));
    }
  }
}
