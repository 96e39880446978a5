package com.ticketbounty.identity.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.testsupport.ManualTimeMeter;
import java.time.Duration;
import org.assertj.core.api.AbstractLongAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttemptLimitsTest {
  private static final String SIGN_IN = "sign-in";

  private final ManualTimeMeter time = new ManualTimeMeter();
  private final AttemptLimits limits = new AttemptLimits(10, time);

  @AfterEach
  void stopPruning() {
    limits.close();
  }

  @Test
  void refusesTheEleventhAttemptFromOneClientButNotAnotherClient() {
    for (int i = 1; i <= 10; i++) {
      limits.take(SIGN_IN, "10.0.0.1", "account-" + i);
    }

    assertRefused("10.0.0.1", "account-11");
    assertAllowed("10.0.0.2", "account-12");
  }

  @Test
  void refusesTheEleventhAttemptOnOneAccountButNotOnAnotherAccount() {
    for (int i = 1; i <= 10; i++) {
      limits.take(SIGN_IN, "10.0.0." + i, "victim");
    }

    assertRefused("10.0.0.11", "victim");
    assertAllowed("10.0.0.11", "someone-else");
  }

  @Test
  void anAttemptCountsAgainstBothTheClientAndTheAccount() {
    for (int i = 1; i <= 10; i++) {
      limits.take(SIGN_IN, "10.0.0.1", "victim");
    }

    assertRefused("10.0.0.2", "victim");
    assertRefused("10.0.0.1", "someone-else");
    assertAllowed("10.0.0.2", "someone-else");
  }

  @Test
  void countsEachEndpointOnItsOwn() {
    for (int i = 1; i <= 10; i++) {
      limits.take(SIGN_IN, "10.0.0.1", "victim");
    }

    assertThatCode(() -> limits.take("forgot-password", "10.0.0.1", "victim"))
        .doesNotThrowAnyException();
  }

  @Test
  void retryAfterCountsToTheEndOfTheMinuteThatBeganWithTheFirstAttempt() {
    for (int i = 1; i <= 10; i++) {
      limits.take(SIGN_IN, "10.0.0.1", "account-" + i);
    }
    time.advance(Duration.ofSeconds(20));

    // A greedy refill would have let this one through: 20 s are two tenths of a minute.
    assertRetryAfter("10.0.0.1", "account-11").isEqualTo(40);
    time.advance(Duration.ofSeconds(39));
    assertRetryAfter("10.0.0.1", "account-12").isEqualTo(1);
    time.advance(Duration.ofSeconds(1));
    assertAllowed("10.0.0.1", "account-13");
  }

  @Test
  void theLongerWaitIsTheRetryAfterWhenItIsTheAccounts() {
    for (int i = 1; i <= 10; i++) {
      limits.take(SIGN_IN, "10.0.0.1", "account-" + i);
    }
    time.advance(Duration.ofSeconds(30));
    for (int i = 1; i <= 10; i++) {
      limits.take(SIGN_IN, "10.0.1." + i, "victim");
    }
    time.advance(Duration.ofSeconds(10));

    // The client may try again in 20 s, the account only in 50 s.
    assertRetryAfter("10.0.0.1", "victim").isEqualTo(50);
  }

  @Test
  void theLongerWaitIsTheRetryAfterWhenItIsTheClients() {
    for (int i = 1; i <= 10; i++) {
      limits.take(SIGN_IN, "10.0.1." + i, "victim");
    }
    time.advance(Duration.ofSeconds(30));
    for (int i = 1; i <= 10; i++) {
      limits.take(SIGN_IN, "10.0.0.1", "account-" + i);
    }
    time.advance(Duration.ofSeconds(10));

    // The account may be tried again in 20 s, the client only in 50 s.
    assertRetryAfter("10.0.0.1", "victim").isEqualTo(50);
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> new AttemptLimits(0, time))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private void assertAllowed(String client, String account) {
    assertThatCode(() -> limits.take(SIGN_IN, client, account)).doesNotThrowAnyException();
  }

  private void assertRefused(String client, String account) {
    assertRetryAfter(client, account).isBetween(1L, 60L);
  }

  private AbstractLongAssert<?> assertRetryAfter(String client, String account) {
    try {
      limits.take(SIGN_IN, client, account);
    } catch (TooManyAttemptsException e) {
      return assertThat(e.retryAfterSeconds());
    }
    throw new AssertionError("expected " + client + " on " + account + " to be refused");
  }
}
