package com.ticketbounty.admindigest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DigestPeriodTest {

  @Test
  void coversTheSevenDaysBeforeTheTick() {
    DigestPeriod period = DigestPeriod.endingAt(Instant.parse("2030-03-01T00:00:00Z"));

    assertThat(period.start()).isEqualTo(Instant.parse("2030-02-22T00:00:00Z"));
    assertThat(period.end()).isEqualTo(Instant.parse("2030-03-01T00:00:00Z"));
  }

  @Test
  void refusesAPeriodOfAnotherLength() {
    assertThatThrownBy(
            () ->
                new DigestPeriod(
                    Instant.parse("2030-02-23T00:00:00Z"), Instant.parse("2030-03-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT168H");
  }
}
