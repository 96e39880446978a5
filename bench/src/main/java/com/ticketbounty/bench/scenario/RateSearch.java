package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.driver.PhaseResult;
import com.ticketbounty.bench.driver.SubjectSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The highest offered rate a subject sustains with a flat backlog: from the rates already measured
 * (the highest sustained, the lowest not), rates are tried upwards by half again while every one
 * holds, then halfway between the two bounds, until they are within 10 % or the steps run out.
 */
final class RateSearch {
  private RateSearch() {}

  record Outcome(double sustained, double failedAt, List<PhaseResult> tried) {}

  static Outcome search(BenchContext context, SubjectSpec subject, List<PhaseResult> measured)
      throws Exception {
    double low = 0;
    double high = Double.POSITIVE_INFINITY;
    for (PhaseResult r : measured) {
      if (r.ok() && r.sustained()) {
        low = Math.max(low, r.offeredPerSecond());
      } else {
        high = Math.min(high, r.offeredPerSecond());
      }
    }
    List<PhaseResult> tried = new ArrayList<>();
    for (int step = 0; step < context.options().searchSteps(); step++) {
      double next = high == Double.POSITIVE_INFINITY ? Math.max(50, low * 1.5) : (low + high) / 2;
      next = Math.round(next / 10) * 10.0;
      if (high != Double.POSITIVE_INFINITY && (high - low) <= 0.1 * Math.max(low, 10)) {
        break;
      }
      PhaseResult result = context.phases().run(subject, next, context.options().timing());
      tried.add(result);
      if (result.ok() && result.sustained()) {
        low = Math.max(low, next);
      } else {
        high = Math.min(high, next);
      }
    }
    return new Outcome(low, high, tried);
  }
}
