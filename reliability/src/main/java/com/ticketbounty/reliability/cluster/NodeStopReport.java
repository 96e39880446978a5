package com.ticketbounty.reliability.cluster;

import com.ticketbounty.bench.driver.WindowLatency;
import com.ticketbounty.bench.report.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The run's figures as the terminal prints them and docs/scaling.md shows them. */
final class NodeStopReport {
  private final Table windows =
      Table.of(
          "Latency by window (ms; requests meant to be sent in the window)",
          "window",
          "s",
          "load",
          "sent",
          "failed",
          "answer p50",
          "answer p99",
          "e-mail p50",
          "e-mail p99",
          "e-mail max");
  private final Table sideEffects =
      Table.of(
          "Side effects at the provider",
          "load",
          "sent",
          "accepted",
          "failed",
          "done despite failure",
          "lost",
          "e-mails",
          "distinct keys",
          "duplicated");
  private final StringBuilder facts = new StringBuilder();

  void fact(String line) {
    facts.append("- ").append(line).append('\n');
  }

  void window(Window window, TaggedLoad load, long drainEndMicros) {
    WindowLatency answers =
        load.answerLatency(window.fromMicros(), window.toMicros(), drainEndMicros);
    WindowLatency emails =
        load.emailLatency(window.fromMicros(), window.toMicros(), drainEndMicros);
    String bound = emails.atLeast() ? "≥ " : "";
    windows.row(
        window.name(),
        "%.0f".formatted(window.seconds()),
        load.name(),
        answers.windowEvents(),
        load.failedIn(window.fromMicros(), window.toMicros()),
        ms(answers.percentileMs(50)),
        ms(answers.percentileMs(99)),
        bound + ms(emails.percentileMs(50)),
        bound + ms(emails.percentileMs(99)),
        bound + ms(emails.maxMs()));
  }

  void reconciled(Reconciliation r) {
    sideEffects.row(
        r.load(),
        r.sent(),
        r.accepted(),
        r.failed(),
        r.effectDespiteFailure(),
        r.lost(),
        r.emails(),
        r.distinctKeys(),
        r.duplicated());
  }

  String text() {
    return facts + "\n" + windows.text() + "\n" + sideEffects.text();
  }

  String markdown(List<Reconciliation> reconciliations) {
    long lost = reconciliations.stream().mapToLong(Reconciliation::lost).sum();
    long duplicated = reconciliations.stream().mapToLong(Reconciliation::duplicated).sum();
    return """
        Run of %s by `./cluster.sh` (`BrokerNodeStop`): **%d lost, %d duplicated**.

        %s
        %s
        %s"""
        .formatted(
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            lost,
            duplicated,
            facts,
            windows.markdown(),
            sideEffects.markdown());
  }

  private static String ms(double value) {
    return value >= 100 ? "%.0f".formatted(value) : "%.1f".formatted(value);
  }
}
