package com.ticketbounty.eventruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(5));

  @Test
  void allowsFiveAttemptsByDefault() {
    assertThat(RetryPolicy.DEFAULT.retries()).isEqualTo(4);
    assertThat(RetryPolicy.DEFAULT.allowsAnotherAttempt(4)).isTrue();
    assertThat(RetryPolicy.DEFAULT.allowsAnotherAttempt(5)).isFalse();
  }

  @Test
  void allowsASingleAttemptWithNoRetries() {
    assertThat(policy.withRetries(0).allowsAnotherAttempt(1)).isFalse();
  }

  @Test
  void doublesTheCeilingUpToTheMaximum() {
    assertThat(List.of(1, 2, 3, 4, 5).stream().map(policy::ceiling))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));
    assertThat(policy.ceiling(1_000)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void drawsEachDelayFromTheUpperHalfOfItsCeiling() {
    SplittableRandom random = new SplittableRandom(42);
    for (int attempt = 1; attempt <= 6; attempt++) {
      Duration ceiling = policy.ceiling(attempt);
      for (int draw = 0; draw < 1_000; draw++) {
        assertThat(policy.delayAfter(attempt, random)).isBetween(ceiling.dividedBy(2), ceiling);
      }
    }
  }

  @Test
  void spreadsTheDelaysOfStepsThatFailedTogether() {
    SplittableRandom random = new SplittableRandom(7);
    List<Duration> delays = new ArrayList<>();
    for (int step = 0; step < 50; step++) {
      delays.add(policy.delayAfter(3, random));
    }

    assertThat(delays.stream().distinct().count()).isGreaterThan(40);
  }

  @Test
  void isRepeatableWithTheSameSeed() {
    assertThat(policy.delayAfter(2, new SplittableRandom(3)))
        .isEqualTo(policy.delayAfter(2, new SplittableRandom(3)));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("retries");
    assertThatThrownBy(() -> new RetryPolicy(4, Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("initialDelay");
    assertThatThrownBy(() -> new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("maxDelay");
    assertThatThrownBy(() -> policy.delayAfter(0, new SplittableRandom(1)))
        .hasMessageContaining("from 1");
  }

  @Test
  void retryAfterCarriesItsDelayAndRefusesANegativeOne() {
    assertThat(new RetryAfterException("busy", Duration.ofSeconds(30)).delay())
        .isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> new RetryAfterException("busy", Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
  }
}
