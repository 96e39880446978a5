package com.ticketbounty.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's smoke (issue 14, must-show 5): the same {@link FaultSuite} code as {@code
 * ./faults.sh}, one fault for a few seconds under light load, so the command cannot rot. It starts
 * the whole system from the packaged jars, as the suite does, and leaves docs/reliability.md alone.
 */
class FaultSuiteSmokeTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @Test
  void killsNotificationServiceUnderLoadAndLosesOrDoublesNothing() throws Exception {
    SuiteOptions options =
        new SuiteOptions(ROOT, List.of(1), Duration.ofSeconds(9), 4, Duration.ofMinutes(2), false);

    List<FaultRow> rows = FaultSuite.run(options);

    assertThat(rows).hasSize(1);
    FaultRow row = rows.getFirst();
    assertThat(row.reconciliation().expected()).as("%s", row).isPositive();
    assertThat(row.reconciliation().lost()).as("%s", row).isZero();
    assertThat(row.reconciliation().duplicated()).as("%s", row).isZero();
    assertThat(row.stepReruns()).as("%s", row).isZero();
    assertThat(row.recovery()).as("%s", row).isPresent();
    assertThat(FaultTable.markdown(rows, "")).contains("| 1 | kill -9 notification-service");
  }
}
