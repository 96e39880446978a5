package com.ticketbounty.serviceweb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2015-10-21T07:27:30Z");
  private static final Duration LONGEST = Duration.ofDays(1);

  @Test
  void readsWholeSeconds() {
    assertThat(retryAfter("7")).contains(Duration.ofSeconds(7));
    assertThat(retryAfter(" 120 ")).contains(Duration.ofMinutes(2));
  }

  @Test
  void readsSecondsWithAFraction() {
    assertThat(retryAfter("1.5")).contains(Duration.ofMillis(1_500));
  }

  @Test
  void readsEachHttpDateFormAsTheTimeLeftUntilThen() {
    assertThat(retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ofSeconds(30));
    assertThat(retryAfter("Wednesday, 21-Oct-15 07:28:00 GMT")).contains(Duration.ofSeconds(30));
    assertThat(retryAfter("Wed Oct 21 07:28:00 2015")).contains(Duration.ofSeconds(30));
  }

  @Test
  void readsADateAlreadyPastAsNoWait() {
    assertThat(retryAfter("Wed, 21 Oct 2015 07:00:00 GMT")).contains(Duration.ZERO);
  }

  @Test
  void capsAWaitLongerThanTheCallerAccepts() {
    assertThat(retryAfter("999999999999999999999")).contains(LONGEST);
    assertThat(retryAfter("Fri, 21 Oct 2016 07:28:00 GMT")).contains(LONGEST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5", "7s", "Wed, 32 Oct 2015 07:28:00 GMT"})
  void ignoresWhatItCannotRead(String value) {
    assertThat(retryAfter(value)).isEmpty();
  }

  @Test
  void isEmptyWithoutTheHeader() {
    assertThat(RetryAfter.of(new HttpHeaders(), NOW, LONGEST)).isEmpty();
  }

  private static Optional<Duration> retryAfter(String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, value);
    return RetryAfter.of(headers, NOW, LONGEST);
  }
}
