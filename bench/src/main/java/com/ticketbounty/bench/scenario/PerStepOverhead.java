package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.driver.PhaseResult;
import com.ticketbounty.bench.driver.SubjectSpec;
import com.ticketbounty.bench.report.Plot;
import com.ticketbounty.bench.report.ScenarioReport;
import com.ticketbounty.bench.report.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Scenario 2: what each further step costs — event-runtime and the hand-written baseline with 1, 2,
 * 5 and 10 steps at one offered rate; the least-squares slope per step of p50 latency and of CPU
 * per run (JVM + PostgreSQL).
 */
public final class PerStepOverhead implements Scenario {
  @Override
  public String id() {
    return "2";
  }

  @Override
  public String title() {
    return "Per-step overhead: 1 to 10 steps";
  }

  @Override
  public ScenarioReport run(BenchContext context) throws Exception {
    List<SubjectSpec> subjects = new ArrayList<>(context.eventRuntimes());
    subjects.add(context.subject(ThreeStepFunction.HAND_WRITTEN));
    Map<String, List<PhaseResult>> bySubject = new LinkedHashMap<>();
    for (SubjectSpec subject : subjects) {
      List<PhaseResult> results = new ArrayList<>();
      for (int steps : context.options().stepCounts()) {
        results.add(
            context
                .phases()
                .run(
                    subject.with("steps", steps),
                    context.options().stepRate(),
                    context.options().timing()));
      }
      bySubject.put(subject.label(), results);
    }
    ScenarioReport report = ScenarioReport.of(id(), title());
    Table phases =
        PhaseTables.phases(
            "At %s events/s offered".formatted(Figures.number(context.options().stepRate())));
    Table slopes =
        Table.of(
            "Slope per added step (least squares)",
            "subject",
            "p50 ms/step",
            "CPU ms/step JVM + PG",
            "commits/step",
            "p50 slope ÷ hand-written");
    Plot plot = Plot.of("Scenario 2: p50 vs steps", "scenario-2-steps.png", "steps", "p50 ms");
    double baseline = slope(bySubject.get(ThreeStepFunction.HAND_WRITTEN), PhaseResult::p50Ms);
    bySubject.forEach(
        (subject, results) -> {
          results.forEach(r -> PhaseTables.addPhase(phases, r));
          results.stream()
              .filter(PhaseResult::ok)
              .forEach(r -> plot.point(subject, r.steps(), r.p50Ms()));
          double p50 = slope(results, PhaseResult::p50Ms);
          slopes.row(
              subject,
              Figures.number(p50),
              Figures.number(slope(results, r -> r.subjectCpuMsPerRun() + r.postgresCpuMsPerRun())),
              Figures.number(slope(results, PhaseResult::commitsPerRun)),
              baseline > 0 ? Figures.ratio(p50, baseline) : "– (baseline slope ≤ 0)");
          report.results().addAll(results);
        });
    report.tables().add(phases);
    report.tables().add(slopes);
    report.plots().add(plot);
    return report;
  }

  static double slope(List<PhaseResult> results, ToDoubleFunction<PhaseResult> y) {
    List<PhaseResult> ok = results.stream().filter(PhaseResult::ok).toList();
    double n = ok.size();
    if (n < 2) {
      return Double.NaN;
    }
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (PhaseResult r : ok) {
      double x = r.steps();
      double v = y.applyAsDouble(r);
      sx += x;
      sy += v;
      sxx += x * x;
      sxy += x * v;
    }
    double denominator = n * sxx - sx * sx;
    return denominator == 0 ? Double.NaN : (n * sxy - sx * sy) / denominator;
  }
}
