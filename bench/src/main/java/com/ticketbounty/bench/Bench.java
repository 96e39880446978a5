package com.ticketbounty.bench;

import com.ticketbounty.bench.driver.Broker;
import com.ticketbounty.bench.driver.Classpath;
import com.ticketbounty.bench.driver.CompareBuild;
import com.ticketbounty.bench.driver.LaunchedSystem;
import com.ticketbounty.bench.driver.Phases;
import com.ticketbounty.bench.driver.Postgres;
import com.ticketbounty.bench.report.Machine;
import com.ticketbounty.bench.report.Reports;
import com.ticketbounty.bench.report.ScenarioReport;
import com.ticketbounty.bench.scenario.BenchContext;
import com.ticketbounty.bench.scenario.Scenario;
import com.ticketbounty.bench.scenario.Scenarios;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bench command ({@code ./bench.sh}): runs the chosen scenarios, prints a table per scenario
 * and writes the JSON and markdown report. It reports; it never fails on a figure.
 */
public final class Bench {
  private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    run(
        BenchOptions.parse(root, args),
        Classpath.current(
            root.resolve("bench/target/classes"),
            root.resolve("bench/target/bench-classpath.txt")));
    System.exit(0);
  }

  public record Run(List<ScenarioReport> reports, Reports.Written written) {}

  public static Run run(BenchOptions options, Classpath current) throws Exception {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path logs = options.results().resolve(stamp + "-logs");
    Optional<CompareBuild> compare = Optional.empty();
    try (Postgres postgres = new Postgres();
        Broker broker = new Broker();
        LaunchedSystem system =
            new LaunchedSystem(options.root(), logs.resolve("system"), postgres, broker)) {
      Map<String, String> machine = Machine.describe(postgres.settings(), broker.version());
      if (options.compare().isPresent()) {
        compare = Optional.of(CompareBuild.of(options.root(), options.compare().get()));
      }
      Optional<com.ticketbounty.bench.driver.Classpath> compared =
          compare.isPresent() ? Optional.of(compare.get().classpath(current)) : Optional.empty();
      BenchContext context =
          new BenchContext(
              options,
              new Phases(postgres, broker, logs, stamp.replace("-", "")),
              postgres,
              broker,
              logs,
              current,
              compared,
              system);
      List<ScenarioReport> reports = new ArrayList<>();
      for (Scenario scenario : Scenarios.all()) {
        if (options.runs(scenario.id())) {
          LOG.info("Scenario {}: {}", scenario.id(), scenario.title());
          reports.add(scenario.run(context));
        }
      }
      Path pages = options.docs().orElse(options.results());
      return new Run(
          reports,
          Reports.write(stamp, options.mode(), machine, reports, options.results(), pages));
    } finally {
      if (compare.isPresent()) {
        compare.get().close();
      }
    }
  }
}
