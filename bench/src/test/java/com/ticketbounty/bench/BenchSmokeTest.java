package com.ticketbounty.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.bench.driver.Classpath;
import com.ticketbounty.bench.driver.PhaseResult;
import com.ticketbounty.bench.report.ScenarioReport;
import com.ticketbounty.bench.scenario.Scenario;
import com.ticketbounty.bench.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every scenario on the servers for a few seconds at a low rate, on the real PostgreSQL and
 * RabbitMQ: the report is complete and plausible and written under target/ (never docs/). No figure
 * is asserted against a speed: the bench reports, it does not judge. The scenarios that measure the
 * whole system (5, 6) are smoked in system-tests against the system its tests share, rather than
 * starting another one here.
 */
class BenchSmokeTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();

  @Test
  void runsEveryScenarioAndWritesACompleteReport() throws Exception {
    Path target = MODULE.resolve("target/smoke");
    Path docs = MODULE.getParent().resolve("docs/benchmarks.md");
    String docsBefore = Files.exists(docs) ? Files.readString(docs) : "";
    Classpath classpath =
        Classpath.current(
            Path.of(System.getProperty("bench.classes")),
            Path.of(System.getProperty("bench.classpathFile")));

    List<String> ids = Scenarios.onTheServers().stream().map(Scenario::id).toList();
    Bench.Run run =
        Bench.run(
            BenchOptions.smoke(MODULE.getParent(), target).with(Set.copyOf(ids), Optional.empty()),
            classpath);

    assertThat(run.reports()).extracting(ScenarioReport::id).containsExactlyElementsOf(ids);
    for (ScenarioReport report : run.reports()) {
      assertThat(report.tables()).as("tables of scenario %s", report.id()).isNotEmpty();
      assertThat(report.tables()).allSatisfy(table -> assertThat(table.rows()).isNotEmpty());
      assertThat(report.results()).as("results of scenario %s", report.id()).isNotEmpty();
      report.results().stream()
          .filter(PhaseResult.class::isInstance)
          .map(PhaseResult.class::cast)
          .forEach(BenchSmokeTest::assertPlausible);
    }
    assertThat(run.written().json()).startsWith(target).isRegularFile();
    assertThat(run.written().markdown()).startsWith(target).isRegularFile();
    assertThat(run.written().plots())
        .isNotEmpty()
        .allSatisfy(png -> assertThat(png).isRegularFile());
    JsonNode json = JsonMapper.builder().build().readTree(run.written().json().toFile());
    assertThat(json.get("scenarios").size()).isEqualTo(run.reports().size());
    assertThat(json.get("machine").get("cores").asString()).isNotBlank();
    String markdown = Files.readString(run.written().markdown());
    run.reports().forEach(r -> assertThat(markdown).contains("## Scenario " + r.id()));
    assertThat(Files.exists(docs) ? Files.readString(docs) : "")
        .as("docs/benchmarks.md is left alone")
        .isEqualTo(docsBefore);
  }

  private static void assertPlausible(PhaseResult r) {
    String phase = "%s at %s/s".formatted(r.subject(), r.offeredPerSecond());
    assertThat(r.error()).as(phase).isNull();
    assertThat(r.sent()).as(phase + ": sent").isPositive();
    assertThat(r.lost()).as(phase + ": runs lost").isZero();
    assertThat(r.completed()).as(phase + ": completed").isEqualTo(r.sent());
    assertThat(r.windowEvents()).as(phase + ": events in the window").isPositive();
    assertThat(List.of(r.p50Ms(), r.p99Ms(), r.maxMs()))
        .as(phase + ": latency")
        .allMatch(v -> v > 0);
    assertThat(r.p50Ms()).as(phase).isLessThanOrEqualTo(r.p99Ms());
    assertThat(r.commitsPerRun()).as(phase + ": commits per run").isPositive();
    assertThat(r.walBytesPerRun()).as(phase + ": WAL per run").isPositive();
    assertThat(r.subjectCpuMsPerRun() + r.postgresCpuMsPerRun())
        .as(phase + ": CPU per run")
        .isPositive();
  }
}
