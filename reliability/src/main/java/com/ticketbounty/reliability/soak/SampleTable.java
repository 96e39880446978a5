package com.ticketbounty.reliability.soak;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedSet;

/**
 * The soak's samples: one row per sample period, at its end (minutes since the load started), with
 * a value per series. A series is named by its group (what is measured, with its unit) and what it
 * is measured on (a service, a database, or the load as a whole). A series missing from a row (a
 * service that stopped answering) is a gap, not a zero.
 */
public final class SampleTable {
  /** A series: {@code group} is what is measured with its unit, {@code name} of what. */
  public record Series(String group, String name) {
    public String label() {
      return group + " · " + name;
    }
  }

  /** One sample: when, and the value of each series measured then. */
  public record Row(double minutes, Map<Series, Double> values) {}

  private final List<Row> rows = new ArrayList<>();
  private final SequencedSet<Series> series = new LinkedHashSet<>();

  public void add(double minutes, Map<Series, Double> values) {
    rows.add(new Row(minutes, Map.copyOf(values)));
    series.addAll(values.keySet());
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Every series in the order first seen. */
  public List<Series> series() {
    return List.copyOf(series);
  }

  /** The groups in the order first seen. */
  public List<String> groups() {
    return series.stream().map(Series::group).distinct().toList();
  }

  public List<Series> inGroup(String group) {
    return series.stream().filter(s -> s.group().equals(group)).toList();
  }

  /** The series' points as (minutes, value), gaps left out. */
  public List<double[]> points(Series wanted) {
    List<double[]> points = new ArrayList<>();
    for (Row row : rows) {
      Double value = row.values().get(wanted);
      if (value != null) {
        points.add(new double[] {row.minutes(), value});
      }
    }
    return points;
  }

  /** Every sample as CSV: a column per series, an empty cell for a gap. */
  public String csv() {
    StringBuilder csv = new StringBuilder("minutes");
    for (Series each : series) {
      csv.append(',').append('"').append(each.label()).append('"');
    }
    csv.append('\n');
    for (Row row : rows) {
      csv.append(String.format(Locale.ROOT, "%.2f", row.minutes()));
      for (Series each : series) {
        Double value = row.values().get(each);
        csv.append(',');
        if (value != null) {
          csv.append(String.format(Locale.ROOT, "%.2f", value));
        }
      }
      csv.append('\n');
    }
    return csv.toString();
  }
}
