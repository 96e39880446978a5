package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.BenchOptions;
import com.ticketbounty.bench.driver.RunningSystem;
import com.ticketbounty.bench.driver.ServiceFootprint;
import com.ticketbounty.bench.report.ScenarioReport;
import com.ticketbounty.bench.report.Table;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Scenario 6: each service's start-up time and resident memory, read from the system scenario 5
 * loads (started by the run command): RSS once started and, when scenario 5 ran before it in the
 * same run, after that load.
 */
public final class StartupAndMemory implements Scenario {
  @Override
  public String id() {
    return "6";
  }

  @Override
  public String title() {
    return "Each service's start-up time and RSS";
  }

  @Override
  public boolean measuresTheSystem() {
    return true;
  }

  @Override
  public ScenarioReport run(BenchContext context) throws Exception {
    return context.measureTheSystem(this, this::measure);
  }

  /** Reads the footprints of a running system (the bench's own, or a test's). */
  public ScenarioReport measure(RunningSystem system, BenchOptions options) {
    Map<String, ServiceFootprint> atReady = system.atReady();
    Map<String, ServiceFootprint> now = system.footprints();
    String after = system.loaded() ? "RSS after scenario 5 MiB" : "RSS now MiB";
    Table table =
        Table.of(
            "Per service, as run.sh starts it (-XX:TieredStopAtLevel=1 -Xss512k, default heap)",
            "service",
            "PID",
            "JVM start → ready s",
            "Spring \"Started in\" s",
            "RSS once started MiB",
            after);
    long totalReady = 0;
    long totalNow = 0;
    for (ServiceFootprint ready : atReady.values()) {
      ServiceFootprint current = now.getOrDefault(ready.service(), ready);
      table.row(
          ready.service(),
          ready.pid(),
          seconds(ready.readySeconds()),
          seconds(ready.startedSeconds()),
          mib(ready.rssKb()),
          mib(current.rssKb()));
      totalReady += ready.rssKb();
      totalNow += current.rssKb();
    }
    table.row("all", "", "", "", mib(totalReady), mib(totalNow));
    ScenarioReport report = ScenarioReport.of(id(), title());
    report.tables().add(table);
    report
        .notes()
        .add(
            "Start-up from each service's log line \"Started … in S seconds (process running for"
                + " P)\": P is JVM start → ready (its health turns UP then, which run.sh awaits); the"
                + " services start all at once on 2 cores, so each waits for the others. RSS ="
                + " VmRSS of /proc/<pid>/status.");
    report.results().addAll(atReady.values());
    report.results().add(Map.of("now", now.values(), "afterScenario5", system.loaded()));
    return report;
  }

  private static String seconds(OptionalDouble value) {
    return value.isPresent() ? Figures.number(value.getAsDouble()) : "–";
  }

  private static String mib(long kb) {
    return Figures.number(kb / 1024.0);
  }
}
