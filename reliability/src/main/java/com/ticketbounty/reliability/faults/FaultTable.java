package com.ticketbounty.reliability.faults;

import java.time.Duration;
import java.util.List;

/** The suite's one table, in Markdown, and the notes that say what each cell counts. */
final class FaultTable {
  private FaultTable() {}

  static String markdown(List<FaultRow> rows, String setting) {
    StringBuilder table = new StringBuilder();
    table.append(
        """
        | # | fault | load | answered | expected e-mails | lost | duplicated | finished steps re-run | failed runs / dead letters | ops API: unfinished runs / new dead letters | recovery |
        |---|---|---|---|---|---|---|---|---|---|---|
        """);
    for (FaultRow row : rows) {
      table.append(
          "| %d | %s | %.0f req/s, %d requests | %d | %d | %d | %d | %d | %d / %d%s | %d / %d | %s |%n"
              .formatted(
                  row.fault().number(),
                  row.fault().description(),
                  row.rate(),
                  row.sent(),
                  row.answered(),
                  row.reconciliation().expected(),
                  row.reconciliation().lost(),
                  row.reconciliation().duplicated(),
                  row.stepReruns(),
                  row.failedRuns().size(),
                  row.deadLetters().size(),
                  poison(row),
                  row.ops().unfinishedRuns(),
                  row.ops().newDeadLetters(),
                  row.recovery().map(FaultTable::seconds).orElse("not within the limit")));
    }
    table.append('\n').append(setting).append('\n');
    return table.toString();
  }

  private static String poison(FaultRow row) {
    int poison = row.fault().poisonIds().size();
    if (poison == 0) {
      return "";
    }
    return " (%d of %d poison messages dead-lettered, %d other)"
        .formatted(
            poison - row.poisonNotDeadLettered().size(),
            poison,
            row.unexpectedDeadLetters().size());
  }

  private static String seconds(Duration duration) {
    return "%.1f s".formatted(duration.toMillis() / 1000.0);
  }
}
