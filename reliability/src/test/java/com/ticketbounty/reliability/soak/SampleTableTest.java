package com.ticketbounty.reliability.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleTableTest {
  private static final SampleTable.Series GATEWAY = new SampleTable.Series("heap, MiB", "gateway");
  private static final SampleTable.Series IDENTITY =
      new SampleTable.Series("heap, MiB", "identity-service");
  private static final SampleTable.Series P99 = new SampleTable.Series("latency, ms", "p99");

  @Test
  void keepsSeriesAndGroupsInTheOrderFirstSeenAndAGapAsAGap() {
    SampleTable table = new SampleTable();
    table.add(0, Map.of(GATEWAY, 90.0));
    table.add(0.25, Map.of(GATEWAY, 91.0, IDENTITY, 70.0, P99, 12.5));
    table.add(0.5, Map.of(IDENTITY, 71.0, P99, 13.0));

    assertThat(table.series()).startsWith(GATEWAY).contains(IDENTITY, P99);
    assertThat(table.groups()).containsExactly("heap, MiB", "latency, ms");
    assertThat(table.inGroup("heap, MiB")).containsExactlyInAnyOrder(GATEWAY, IDENTITY);
    assertThat(table.points(GATEWAY))
        .containsExactly(new double[] {0, 90}, new double[] {0.25, 91});
    assertThat(table.points(P99))
        .containsExactly(new double[] {0.25, 12.5}, new double[] {0.5, 13});
  }

  @Test
  void writesEverySampleAsCsvWithEmptyCellsForGaps() {
    SampleTable table = new SampleTable();
    table.add(0, Map.of(GATEWAY, 90.0));
    table.add(0.25, Map.of(GATEWAY, 91.5, P99, 12.25));

    assertThat(table.csv())
        .isEqualTo(
            """
            minutes,"heap, MiB · gateway","latency, ms · p99"
            0.00,90.00,
            0.25,91.50,12.25
            """);
  }
}
