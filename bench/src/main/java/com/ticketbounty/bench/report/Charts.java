package com.ticketbounty.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws a {@link Plot} as a PNG with JFreeChart, headless. */
public final class Charts {
  private Charts() {}

  public static void write(Plot plot, Path directory) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    boolean positive = true;
    for (var entry : plot.series().entrySet()) {
      XYSeries series = new XYSeries(entry.getKey());
      for (double[] point : entry.getValue()) {
        series.add(point[0], point[1]);
        positive &= point[1] > 0;
      }
      data.addSeries(series);
    }
    NumberAxis x = new NumberAxis(plot.xLabel());
    x.setAutoRangeIncludesZero(false);
    ValueAxis y;
    if (plot.yLabel().contains("(log)") && positive) {
      LogAxis log = new LogAxis(plot.yLabel());
      log.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
      y = log;
    } else {
      y = new NumberAxis(plot.yLabel());
    }
    // Whole numbers print as before (rates); fractions (the soak's minutes) keep two decimals.
    x.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
    XYPlot xy = new XYPlot(data, x, y, new XYLineAndShapeRenderer(true, true));
    JFreeChart chart = new JFreeChart(plot.title(), JFreeChart.DEFAULT_TITLE_FONT, xy, true);
    Files.createDirectories(directory);
    ChartUtils.saveChartAsPNG(directory.resolve(plot.file()).toFile(), chart, 900, 540);
  }

  static void writeAll(List<ScenarioReport> reports, Path directory) throws IOException {
    for (ScenarioReport report : reports) {
      for (Plot plot : report.plots()) {
        write(plot, directory);
      }
    }
  }
}
