package com.ticketbounty.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A line chart: named series of (x, y) points, written as {@code file} (PNG). */
public record Plot(
    String title, String file, String xLabel, String yLabel, Map<String, List<double[]>> series) {

  public static Plot of(String title, String file, String xLabel, String yLabel) {
    return new Plot(title, file, xLabel, yLabel, new LinkedHashMap<>());
  }

  public Plot point(String name, double x, double y) {
    series.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(new double[] {x, y});
    return this;
  }
}
