package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.driver.HttpPhase;
import com.ticketbounty.bench.driver.PhaseResult;
import java.util.Locale;

/** How figures are written in tables. */
final class Figures {
  private Figures() {}

  static String ms(PhaseResult r, double value) {
    return ms(r.latencyAtLeast(), value);
  }

  static String ms(boolean atLeast, double value) {
    return (atLeast ? "≥ " : "") + number(value);
  }

  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "–";
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String ratio(double value, double baseline) {
    return baseline == 0 ? "–" : String.format(Locale.ROOT, "%.2f×", value / baseline);
  }

  static String latency(PhaseResult r) {
    return latency(r.latencyAtLeast(), r.p50Ms(), r.p99Ms(), r.p999Ms());
  }

  static String latency(HttpPhase r) {
    return latency(r.latencyAtLeast(), r.p50Ms(), r.p99Ms(), r.p999Ms());
  }

  private static String latency(boolean atLeast, double p50, double p99, double p999) {
    return "%s / %s / %s".formatted(ms(atLeast, p50), ms(atLeast, p99), ms(atLeast, p999));
  }

  static String cpu(PhaseResult r) {
    return "%s / %s / %s"
        .formatted(
            number(r.subjectCpuMsPerRun()),
            number(r.postgresCpuMsPerRun()),
            number(r.rabbitCpuMsPerRun()));
  }

  static String backlog(PhaseResult r) {
    return "%d → %d (queue %d)".formatted(r.backlogStart(), r.backlogEnd(), r.queueDepthEnd());
  }
}
