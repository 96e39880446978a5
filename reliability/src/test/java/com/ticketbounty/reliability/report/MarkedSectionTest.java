package com.ticketbounty.reliability.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkedSectionTest {
  private static final String PAGE =
      """
      # Title
      <!-- faults:begin -->
      old faults
      <!-- faults:end -->
      prose
      <!-- soak:begin -->
      old soak
      <!-- soak:end -->
      """;

  @Test
  void replacesOnlyItsOwnSectionAndKeepsTheMarkers() {
    String page = new MarkedSection("soak").replace(PAGE, "new soak");

    assertThat(page)
        .contains("<!-- soak:begin -->\nnew soak\n<!-- soak:end -->")
        .contains("<!-- faults:begin -->\nold faults\n<!-- faults:end -->")
        .contains("prose")
        .doesNotContain("old soak");
  }

  @Test
  void aPageWithoutTheSectionIsRefusedRatherThanAppendedTo() {
    assertThatThrownBy(() -> new MarkedSection("scale").replace(PAGE, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scale:begin");
  }
}
