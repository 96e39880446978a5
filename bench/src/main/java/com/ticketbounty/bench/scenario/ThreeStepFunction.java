package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.driver.PhaseResult;
import com.ticketbounty.bench.driver.SubjectSpec;
import com.ticketbounty.bench.report.Plot;
import com.ticketbounty.bench.report.ScenarioReport;
import com.ticketbounty.bench.report.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario 1: an event on a quorum queue → a 3-step function, on event-runtime, the hand-written
 * baseline and DBOS, at each offered rate, then each subject's highest sustained rate.
 */
public final class ThreeStepFunction implements Scenario {
  static final String HAND_WRITTEN = "hand-written";
  static final String DBOS = "dbos";

  @Override
  public String id() {
    return "1";
  }

  @Override
  public String title() {
    return "The 3-step function: event-runtime vs hand-written vs DBOS";
  }

  @Override
  public ScenarioReport run(BenchContext context) throws Exception {
    List<SubjectSpec> subjects = new ArrayList<>();
    subjects.add(context.subject(HAND_WRITTEN));
    subjects.add(context.subject(DBOS));
    subjects.addAll(context.eventRuntimes());
    Map<String, List<PhaseResult>> bySubject = new LinkedHashMap<>();
    for (SubjectSpec subject : subjects) {
      List<PhaseResult> results = new ArrayList<>();
      for (double rate : context.options().rates()) {
        results.add(
            context.phases().run(subject.with("steps", 3), rate, context.options().timing()));
      }
      bySubject.put(subject.label(), results);
    }
    Map<String, RateSearch.Outcome> searches = new LinkedHashMap<>();
    for (SubjectSpec subject : subjects) {
      List<PhaseResult> measured = bySubject.get(subject.label());
      RateSearch.Outcome outcome = RateSearch.search(context, subject.with("steps", 3), measured);
      searches.put(subject.label(), outcome);
      measured.addAll(outcome.tried());
      measured.sort(Comparator.comparingDouble(PhaseResult::offeredPerSecond));
    }
    return report(bySubject, searches, context.options().rates());
  }

  private ScenarioReport report(
      Map<String, List<PhaseResult>> bySubject,
      Map<String, RateSearch.Outcome> searches,
      List<Double> rates) {
    ScenarioReport report = ScenarioReport.of(id(), title());
    Table phases = PhaseTables.phases("Each subject at each offered rate (search steps included)");
    Plot plot =
        Plot.of(
            "Scenario 1: latency vs offered load (3 steps)",
            "scenario-1-latency.png",
            "offered events/s",
            "event → completion committed, ms (log)");
    bySubject.forEach(
        (subject, results) ->
            results.forEach(
                r -> {
                  PhaseTables.addPhase(phases, r);
                  if (r.ok()) {
                    plot.point(subject + " p50", r.offeredPerSecond(), r.p50Ms());
                    plot.point(subject + " p99", r.offeredPerSecond(), r.p99Ms());
                  }
                }));
    report.tables().add(phases);
    report.tables().add(ratios(bySubject, rates));
    report.tables().add(sustained(searches));
    report.plots().add(plot);
    bySubject.values().forEach(report.results()::addAll);
    return report;
  }

  private static Table ratios(Map<String, List<PhaseResult>> bySubject, List<Double> rates) {
    Table table =
        Table.of(
            "event-runtime against the baselines, at the same offered rate",
            "subject",
            "offered/s",
            "p50 ÷ hand-written",
            "p50 ÷ DBOS",
            "completed/s ÷ hand-written",
            "completed/s ÷ DBOS",
            "CPU/run (all) ÷ hand-written",
            "CPU/run (all) ÷ DBOS");
    bySubject.keySet().stream()
        .filter(subject -> subject.startsWith("event-runtime"))
        .forEach(
            subject -> {
              for (double rate : rates) {
                Optional<PhaseResult> er = at(bySubject, subject, rate);
                Optional<PhaseResult> hw = at(bySubject, HAND_WRITTEN, rate);
                Optional<PhaseResult> db = at(bySubject, DBOS, rate);
                if (er.isEmpty()) {
                  continue;
                }
                PhaseResult r = er.get();
                table.row(
                    subject,
                    Figures.number(rate),
                    hw.map(b -> Figures.ratio(r.p50Ms(), b.p50Ms())).orElse("–"),
                    db.map(b -> Figures.ratio(r.p50Ms(), b.p50Ms())).orElse("–"),
                    hw.map(b -> Figures.ratio(r.completedPerSecond(), b.completedPerSecond()))
                        .orElse("–"),
                    db.map(b -> Figures.ratio(r.completedPerSecond(), b.completedPerSecond()))
                        .orElse("–"),
                    hw.map(b -> Figures.ratio(r.cpuMsPerRun(), b.cpuMsPerRun())).orElse("–"),
                    db.map(b -> Figures.ratio(r.cpuMsPerRun(), b.cpuMsPerRun())).orElse("–"));
              }
            });
    return table;
  }

  private static Optional<PhaseResult> at(
      Map<String, List<PhaseResult>> bySubject, String subject, double rate) {
    return bySubject.getOrDefault(subject, List.of()).stream()
        .filter(r -> r.ok() && r.offeredPerSecond() == rate)
        .findFirst();
  }

  private static Table sustained(Map<String, RateSearch.Outcome> searches) {
    Table table =
        Table.of(
            "Highest offered rate sustained with a flat backlog",
            "subject",
            "sustained events/s",
            "first rate not sustained",
            "÷ hand-written",
            "÷ DBOS");
    double handWritten = searches.get(HAND_WRITTEN).sustained();
    double dbos = searches.get(DBOS).sustained();
    searches.forEach(
        (subject, outcome) ->
            table.row(
                subject,
                Figures.number(outcome.sustained()),
                Figures.number(outcome.failedAt()),
                Figures.ratio(outcome.sustained(), handWritten),
                Figures.ratio(outcome.sustained(), dbos)));
    return table;
  }
}
