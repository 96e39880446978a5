package com.ticketbounty.admindigest.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2030-01-15T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsSecondsAndDates() {
    assertThat(RetryAfter.parse("30", CLOCK)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Tue, 15 Jan 2030 00:00:45 GMT", CLOCK))
        .contains(Duration.ofSeconds(45));
  }

  @Test
  void takesADateThatHasPassedAsNow() {
    assertThat(RetryAfter.parse("Mon, 14 Jan 2030 23:00:00 GMT", CLOCK)).contains(Duration.ZERO);
  }

  @Test
  void waitsAtMostAnHour() {
    assertThat(RetryAfter.parse("86400", CLOCK)).contains(RetryAfter.LONGEST);
  }

  @Test
  void ignoresWhatIsNeitherSecondsNorADate() {
    assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
    assertThat(RetryAfter.parse("-5", CLOCK)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse(null, CLOCK)).isEmpty();
  }
}
