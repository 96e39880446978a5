package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.BenchOptions;
import com.ticketbounty.bench.driver.Broker;
import com.ticketbounty.bench.driver.Classpath;
import com.ticketbounty.bench.driver.LaunchedSystem;
import com.ticketbounty.bench.driver.Phases;
import com.ticketbounty.bench.driver.Postgres;
import com.ticketbounty.bench.driver.RunningSystem;
import com.ticketbounty.bench.driver.SubjectSpec;
import com.ticketbounty.bench.report.ScenarioReport;
import com.ticketbounty.bench.report.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every scenario works with: the options, the phase runner, the servers, the current classpath
 * and, under {@code --compare}, the other revision's; and the whole system, which the first
 * scenario that needs it starts (5 and 6 share it, so 6 sees what 5's load left).
 */
public record BenchContext(
    BenchOptions options,
    Phases phases,
    Postgres postgres,
    Broker broker,
    Path logs,
    Classpath current,
    Optional<Classpath> compared,
    LaunchedSystem system) {
  private static final Logger LOG = LoggerFactory.getLogger(BenchContext.class);

  /** event-runtime on the current jars, then on the compared revision's when there is one. */
  public List<SubjectSpec> eventRuntimes() {
    List<SubjectSpec> subjects = new ArrayList<>();
    subjects.add(SubjectSpec.of("event-runtime", current));
    compared.ifPresent(other -> subjects.add(SubjectSpec.of("event-runtime", other)));
    return subjects;
  }

  /** How a scenario measures a running system (the bench's own here, a test's in system-tests). */
  interface SystemMeasurement {
    ScenarioReport measure(RunningSystem system, BenchOptions options) throws Exception;
  }

  /**
   * Runs {@code measurement} on the whole system, started by the first scenario that asks; a system
   * that could not start, or a measurement that could not go on (the sign-up refused, say), gives a
   * report saying so instead of ending the run.
   */
  ScenarioReport measureTheSystem(Scenario scenario, SystemMeasurement measurement)
      throws Exception {
    try {
      return measurement.measure(system.get(), options);
    } catch (IllegalStateException failed) {
      LOG.warn("Scenario {} not measured", scenario.id(), failed);
      ScenarioReport report = ScenarioReport.of(scenario.id(), scenario.title());
      report
          .tables()
          .add(
              Table.of("Not measured", "reason")
                  .row(String.valueOf(failed.getMessage()).lines().findFirst().orElse("")));
      return report;
    }
  }

  public SubjectSpec subject(String kind) {
    return SubjectSpec.of(kind, current);
  }
}
