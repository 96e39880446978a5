package com.ticketbounty.bench.scenario;

import com.sun.net.httpserver.HttpServer;
import com.ticketbounty.bench.driver.PhaseResult;
import com.ticketbounty.bench.driver.SubjectSpec;
import com.ticketbounty.bench.report.Plot;
import com.ticketbounty.bench.report.ScenarioReport;
import com.ticketbounty.bench.report.Table;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scenario 4: a one-step function whose step calls a stub provider answering in 300 ms (a JDK
 * HttpServer on a cached pool, in the driver), at rising offered rates: runs/s of one instance.
 */
public final class ProviderCalls implements Scenario {
  static final int PROVIDER_MILLIS = 300;

  @Override
  public String id() {
    return "4";
  }

  @Override
  public String title() {
    return "A step calling a provider that answers in 300 ms: runs/s per instance";
  }

  @Override
  public ScenarioReport run(BenchContext context) throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    provider.setExecutor(pool);
    provider.createContext(
        "/",
        exchange -> {
          try {
            Thread.sleep(PROVIDER_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    provider.start();
    try {
      String url = "http://127.0.0.1:%d/send".formatted(provider.getAddress().getPort());
      List<PhaseResult> results = new ArrayList<>();
      for (SubjectSpec subject : context.eventRuntimes()) {
        for (double rate : context.options().providerRates()) {
          results.add(
              context
                  .phases()
                  .run(
                      subject.with("steps", 1).with("provider", url),
                      rate,
                      context.options().timing()));
        }
      }
      return report(results);
    } finally {
      provider.stop(0);
      pool.shutdownNow();
    }
  }

  private ScenarioReport report(List<PhaseResult> results) {
    ScenarioReport report = ScenarioReport.of(id(), title());
    Table table =
        PhaseTables.phases("One step calling the provider, event-runtime's default settings");
    Plot plot =
        Plot.of(
            "Scenario 4: runs/s vs offered (300 ms provider)",
            "scenario-4-provider.png",
            "offered runs/s",
            "completed runs/s");
    for (PhaseResult r : results) {
      PhaseTables.addPhase(table, r);
      if (r.ok()) {
        plot.point(r.subject(), r.offeredPerSecond(), r.completedPerSecond());
        plot.point("offered", r.offeredPerSecond(), r.offeredPerSecond());
      }
    }
    report.tables().add(table);
    report.plots().add(plot);
    report
        .notes()
        .add(
            "An attempt waiting for the provider holds its thread but no connection, so one"
                + " instance's ceiling is its 64 workers / 0.3 s ≈ 213 runs/s with the default"
                + " settings (a revision with 8 platform workers tops out near 8 / 0.3 s ≈ 27).");
    report.results().addAll(results);
    return report;
  }
}
