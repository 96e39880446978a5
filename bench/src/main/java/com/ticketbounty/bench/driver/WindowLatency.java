package com.ticketbounty.bench.driver;

import org.HdrHistogram.Histogram;

/**
 * The latency of the events meant to be sent inside a measured window (HdrHistogram, microseconds)
 * and how many events completed inside it. An event still unfinished when the drain ended counts
 * with its age then, and {@code atLeast} says so: the percentiles are then lower bounds.
 */
public record WindowLatency(
    long windowEvents, long doneInWindow, boolean atLeast, Histogram histogram) {

  public static WindowLatency of(
      Completions completions, int sent, long fromMicros, long toMicros, long drainEndMicros) {
    Histogram latency = new Histogram(3_600_000_000L, 3);
    long windowEvents = 0;
    long doneInWindow = 0;
    boolean atLeast = false;
    for (int seq = 0; seq < sent; seq++) {
      long intended = completions.intendedAt(seq);
      long done = completions.doneAt(seq);
      if (done >= fromMicros && done < toMicros) {
        doneInWindow++;
      }
      if (intended >= fromMicros && intended < toMicros) {
        windowEvents++;
        if (done == 0) {
          atLeast = true;
          done = drainEndMicros;
        }
        latency.recordValue(Math.max(1, done - intended));
      }
    }
    return new WindowLatency(windowEvents, doneInWindow, atLeast, latency);
  }

  public double percentileMs(double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxMs() {
    return histogram.getMaxValue() / 1000.0;
  }
}
