package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.bench.BenchOptions;
import com.ticketbounty.bench.driver.HttpPhase;
import com.ticketbounty.bench.driver.RunningSystem;
import com.ticketbounty.bench.driver.ServiceFootprint;
import com.ticketbounty.bench.report.ScenarioReport;
import com.ticketbounty.bench.scenario.StartupAndMemory;
import com.ticketbounty.bench.scenario.ThroughTheGateway;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The smoke of the bench's scenarios 5 and 6 (README, "Benchmarks"): their measuring code, run for
 * a few seconds against the system the system tests share instead of a system of their own,
 * produces every figure. No figure is judged against a speed: the bench reports, tests never time.
 */
@ExtendWith(SharedSystem.class)
class BenchScenariosSystemTest {
  private static final BenchOptions SMOKE =
      BenchOptions.smoke(
          RunCommand.REPOSITORY, RunCommand.REPOSITORY.resolve("system-tests/target/bench-smoke"));

  @Test
  void measuresTicketsUntilTheirEmailAndReadsThroughTheGatewayAndDirect() throws Exception {
    ScenarioReport report = new ThroughTheGateway().measure(runningSystem(), SMOKE);

    List<HttpPhase> phases = report.results().stream().map(HttpPhase.class::cast).toList();
    assertThat(phases)
        .extracting(HttpPhase::target)
        .containsExactly(
            "POST /api/tickets → e-mail", "GET via gateway", "GET ticket-service direct");
    assertThat(phases)
        .allSatisfy(
            phase -> {
              assertThat(phase.error()).as(phase.target()).isNull();
              assertThat(phase.sent()).as(phase.target()).isPositive();
              assertThat(phase.failed()).as(phase.target() + ": failed").isZero();
              assertThat(phase.completed()).as(phase.target() + ": completed").isPositive();
              assertThat(phase.windowEvents()).as(phase.target()).isPositive();
              assertThat(phase.p50Ms()).as(phase.target()).isPositive();
              assertThat(phase.p50Ms()).isLessThanOrEqualTo(phase.p99Ms());
            });
    assertThat(report.tables()).hasSize(3).allSatisfy(t -> assertThat(t.rows()).isNotEmpty());
    assertThat(report.plots().get(0).series()).isNotEmpty();
  }

  @Test
  void readsEveryServicesStartUpAndResidentMemory() throws Exception {
    ScenarioReport report = new StartupAndMemory().measure(runningSystem(), SMOKE);

    List<ServiceFootprint> footprints =
        report.results().stream()
            .filter(ServiceFootprint.class::isInstance)
            .map(ServiceFootprint.class::cast)
            .toList();
    assertThat(footprints)
        .extracting(ServiceFootprint::service)
        .containsExactlyElementsOf(RunningSystem.SERVICES);
    assertThat(footprints)
        .allSatisfy(
            footprint -> {
              assertThat(footprint.readySeconds()).as(footprint.service()).isPresent();
              assertThat(footprint.startedSeconds()).as(footprint.service()).isPresent();
              assertThat(footprint.rssKb()).as(footprint.service()).isPositive();
            });
    assertThat(report.tables().get(0).rows()).hasSize(RunningSystem.SERVICES.size() + 1);
  }

  private static RunningSystem runningSystem() {
    RunCommand system = SharedSystem.system();
    return RunningSystem.ready(
        system.gateway(),
        system.url("ticket-service"),
        SharedSystem.emailProvider(),
        system.logDirectory(),
        system.handle());
  }
}
