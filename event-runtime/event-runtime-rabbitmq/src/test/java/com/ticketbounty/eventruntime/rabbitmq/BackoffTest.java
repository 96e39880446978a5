package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromTheRecoveryIntervalUpToAMinute() {
    Backoff backoff = Backoff.from(Duration.ofSeconds(5));

    assertThat(IntStream.of(1, 2, 3, 4, 5, 1_000).mapToObj(backoff::after))
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1));
  }

  @Test
  void neverWaitsLessThanARecoveryIntervalLongerThanAMinute() {
    Backoff backoff = Backoff.from(Duration.ofMinutes(2));

    assertThat(backoff.after(1)).isEqualTo(Duration.ofMinutes(2));
    assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(2));
  }
}
