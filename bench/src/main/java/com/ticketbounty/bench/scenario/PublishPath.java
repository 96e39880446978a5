package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.driver.PublishRuns;
import com.ticketbounty.bench.driver.SubjectSpec;
import com.ticketbounty.bench.report.Plot;
import com.ticketbounty.bench.report.ScenarioReport;
import com.ticketbounty.bench.report.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 3: the publish path. The outbox is preloaded with events written as a step's {@code
 * sendEvent} writes them; the relay then publishes them with confirms to a quorum queue, and
 * PerfTest publishes as many messages of the same size with at most 100 unconfirmed (the relay's
 * batch) to a quorum queue.
 */
public final class PublishPath implements Scenario {
  @Override
  public String id() {
    return "3";
  }

  @Override
  public String title() {
    return "The publish path: event-runtime's outbox relay vs RabbitMQ PerfTest";
  }

  @Override
  public ScenarioReport run(BenchContext context) throws Exception {
    int messages = context.options().relayMessages();
    int size = context.options().messageSize();
    PublishRuns runs = new PublishRuns(context.postgres(), context.broker(), context.logs());
    List<PublishRuns.Published> results = new ArrayList<>();
    PublishRuns.Published perfTest =
        runs.perfTest(context.current(), messages, size, "p" + System.nanoTime() % 100000);
    results.add(perfTest);
    int n = 0;
    for (SubjectSpec relay : context.eventRuntimes()) {
      SubjectSpec spec = new SubjectSpec(relay.label(), "relay", relay.classpath(), relay.args());
      results.add(runs.relay(spec, messages, size, "r" + (n++) + System.nanoTime() % 100000));
    }
    ScenarioReport report = ScenarioReport.of(id(), title());
    Table table =
        Table.of(
            "%d messages of %d bytes, confirms, one quorum queue".formatted(messages, size),
            "publisher",
            "messages/s",
            "÷ PerfTest",
            "CPU ms/message JVM / Rabbit");
    Plot plot =
        Plot.of("Scenario 3: messages/s", "scenario-3-publish.png", "publisher #", "messages/s");
    int index = 0;
    for (PublishRuns.Published r : results) {
      table.row(
          r.publisher(),
          Figures.number(r.perSecond()),
          Figures.ratio(r.perSecond(), perfTest.perSecond()),
          Figures.number(r.jvmCpuMsPerMessage())
              + " / "
              + Figures.number(r.rabbitCpuMsPerMessage()));
      plot.point(r.publisher(), ++index, r.perSecond());
    }
    report.tables().add(table);
    report.plots().add(plot);
    report
        .notes()
        .add(
            "The relay's time runs from its start to the moment the outbox holds no unsent row (polled"
                + " every 20 ms); PerfTest's rate is its own \"sending rate avg\" with --confirm 100.");
    report.results().addAll(results);
    return report;
  }
}
