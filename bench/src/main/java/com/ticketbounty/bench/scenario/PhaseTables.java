package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.driver.PhaseResult;
import com.ticketbounty.bench.report.Table;

/** The one table layout for phases, shared by the scenarios that run subjects at rates. */
final class PhaseTables {
  private PhaseTables() {}

  static Table phases(String title) {
    return Table.of(
        title,
        "subject",
        "steps",
        "offered/s",
        "completed/s",
        "p50 / p99 / p99.9 ms",
        "backlog start → end",
        "sustained",
        "commits/run",
        "WAL B/run",
        "CPU ms/run JVM / PG / Rabbit",
        "unfinished after drain");
  }

  static void addPhase(Table table, PhaseResult r) {
    if (!r.ok()) {
      table.row(
          r.subject(),
          r.steps(),
          Figures.number(r.offeredPerSecond()),
          "failed: " + r.error(),
          "",
          "",
          "",
          "",
          "",
          "",
          "");
      return;
    }
    table.row(
        r.subject(),
        r.steps(),
        Figures.number(r.offeredPerSecond()),
        Figures.number(r.completedPerSecond()),
        Figures.latency(r),
        Figures.backlog(r),
        r.sustained() ? "yes" : "no",
        Figures.number(r.commitsPerRun()),
        Figures.number(r.walBytesPerRun()),
        Figures.cpu(r),
        r.lost());
  }
}
