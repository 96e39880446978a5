package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.report.ScenarioReport;

/**
 * One scenario of the bench: given the run's context (options, the phase runner, the subjects'
 * classpaths), it runs its phases and answers its report. Adding a scenario is one class and a line
 * in {@link Scenarios}.
 */
public interface Scenario {
  /** Its number, as {@code --scenarios} names it. */
  String id();

  String title();

  ScenarioReport run(BenchContext context) throws Exception;

  /**
   * Whether it measures the whole system, which the run starts for it: the bench's smoke test
   * leaves these out, and system-tests smokes them against the system its tests share.
   */
  default boolean measuresTheSystem() {
    return false;
  }
}
