package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.BenchOptions;
import com.ticketbounty.bench.driver.HttpPhase;
import com.ticketbounty.bench.driver.HttpPhases;
import com.ticketbounty.bench.driver.RunningSystem;
import com.ticketbounty.bench.report.Plot;
import com.ticketbounty.bench.report.ScenarioReport;
import com.ticketbounty.bench.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scenario 5: the whole system, started with the run command. (a) Tickets opened through the
 * gateway at fixed offered rates, each complete when its confirmation e-mail reaches the stub
 * provider; (b) the ticket list read at fixed rates through the gateway and from ticket-service
 * directly (same query), with the gateway's cost as ratios and differences.
 */
public final class ThroughTheGateway implements Scenario {
  static final String GATEWAY = "GET via gateway";
  static final String DIRECT = "GET ticket-service direct";

  /**
   * The accounts that open the tickets, in turn, as a frontend's users would. ticket-created runs
   * at most 5 runs of one owner at once (notification-service): with one account that limit of a
   * single user would bound the whole phase.
   */
  static final int ACCOUNTS = 20;

  @Override
  public String id() {
    return "5";
  }

  @Override
  public String title() {
    return "Through the gateway: a ticket until its confirmation e-mail, and reads against"
        + " ticket-service direct";
  }

  @Override
  public boolean measuresTheSystem() {
    return true;
  }

  @Override
  public ScenarioReport run(BenchContext context) throws Exception {
    return context.measureTheSystem(this, this::measure);
  }

  /** Runs the scenario's phases against a running system (the bench's own, or a test's). */
  public ScenarioReport measure(RunningSystem system, BenchOptions options) throws Exception {
    HttpPhases phases = new HttpPhases();
    List<String> tokens = phases.signUp(system, ACCOUNTS);
    List<HttpPhase> tickets = new ArrayList<>();
    for (double rate : options.systemRates().tickets()) {
      tickets.add(phases.tickets(system, tokens, rate, options.timing()));
    }
    List<HttpPhase> reads = new ArrayList<>();
    for (double rate : options.systemRates().reads()) {
      reads.add(phases.reads(GATEWAY, system.gateway(), rate, options.timing()));
      reads.add(phases.reads(DIRECT, system.ticketService(), rate, options.timing()));
    }
    system.markLoaded();
    return report(tickets, reads, options.systemRates().reads());
  }

  private ScenarioReport report(
      List<HttpPhase> tickets, List<HttpPhase> reads, List<Double> rates) {
    ScenarioReport report = ScenarioReport.of(id(), title());
    Plot plot =
        Plot.of(
            "Scenario 5: latency vs offered load through the gateway",
            "scenario-5-gateway.png",
            "offered requests/s",
            "latency ms (log)");
    report
        .tables()
        .add(
            phases(
                "POST /api/tickets through the gateway → confirmation e-mail at the stub",
                tickets,
                plot));
    report
        .tables()
        .add(
            phases(
                "GET " + HttpPhases.LIST_QUERY + ": gateway and ticket-service direct",
                reads,
                plot));
    report.tables().add(ratios(reads, rates));
    report.plots().add(plot);
    report
        .notes()
        .add(
            ("Ticket latency = the stub provider's receipt of the ticket's confirmation e-mail"
                    + " (WireMock's request log, ms) − the request's scheduled send time; %d accounts"
                    + " open the tickets in turn (ticket-created runs at most 5 runs of one owner at"
                    + " once).")
                .formatted(ACCOUNTS));
    report
        .notes()
        .add(
            "The system runs as run.sh starts it (each process -XX:TieredStopAtLevel=1), with the"
                + " driver on the same 2 cores.");
    report.results().addAll(tickets);
    report.results().addAll(reads);
    return report;
  }

  private static Table phases(String title, List<HttpPhase> results, Plot plot) {
    Table table =
        Table.of(
            title,
            "target",
            "offered/s",
            "completed/s",
            "p50 / p99 / p99.9 ms",
            "sent",
            "failed",
            "unfinished after drain");
    for (HttpPhase r : results) {
      if (!r.ok()) {
        table.row(
            r.target(),
            Figures.number(r.offeredPerSecond()),
            "failed: " + r.error(),
            "",
            "",
            "",
            "");
        continue;
      }
      table.row(
          r.target(),
          Figures.number(r.offeredPerSecond()),
          Figures.number(r.completedPerSecond()),
          Figures.latency(r),
          r.sent(),
          r.failed(),
          r.unfinished());
      plot.point(r.target() + " p50", r.offeredPerSecond(), r.p50Ms());
      plot.point(r.target() + " p99", r.offeredPerSecond(), r.p99Ms());
    }
    return table;
  }

  private static Table ratios(List<HttpPhase> reads, List<Double> rates) {
    Table table =
        Table.of(
            "The gateway's cost: gateway ÷ direct at the same offered rate",
            "offered/s",
            "completed/s",
            "p50",
            "p99",
            "p99.9",
            "p50 added ms");
    for (double rate : rates) {
      Optional<HttpPhase> gateway = at(reads, GATEWAY, rate);
      Optional<HttpPhase> direct = at(reads, DIRECT, rate);
      if (gateway.isEmpty() || direct.isEmpty()) {
        continue;
      }
      HttpPhase g = gateway.get();
      HttpPhase d = direct.get();
      table.row(
          Figures.number(rate),
          Figures.ratio(g.completedPerSecond(), d.completedPerSecond()),
          Figures.ratio(g.p50Ms(), d.p50Ms()),
          Figures.ratio(g.p99Ms(), d.p99Ms()),
          Figures.ratio(g.p999Ms(), d.p999Ms()),
          Figures.number(g.p50Ms() - d.p50Ms()));
    }
    return table;
  }

  private static Optional<HttpPhase> at(List<HttpPhase> results, String target, double rate) {
    return results.stream()
        .filter(r -> r.ok() && r.target().equals(target) && r.offeredPerSecond() == rate)
        .findFirst();
  }
}
