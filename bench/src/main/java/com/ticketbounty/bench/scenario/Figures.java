package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.driver.PhaseResult;
import java.util.Locale;

/** How figures are written in tables. */
final class Figures {
  private Figures() {}

  static String ms(PhaseResult r, double value) {
    return (r.latencyAtLeast() ? "≥ " : "") + number(value);
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
    return "%s / %s / %s".formatted(ms(r, r.p50Ms()), ms(r, r.p99Ms()), ms(r, r.p999Ms()));
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
