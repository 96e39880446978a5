package com.ticketbounty.eventruntime;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often a failing step is tried again, and when. A step gets {@code 1 + retries} attempts; the
 * wait before attempt {@code n + 1} grows as {@code initialDelay × 2^(n-1)}, capped at {@code
 * maxDelay}, and is then drawn uniformly from its upper half ("equal jitter"), so that steps that
 * failed together do not all come back at the same instant yet never come back much sooner than
 * planned.
 *
 * @param retries attempts after the first (Inngest's default is 4: five attempts in all)
 * @param initialDelay the wait before the second attempt, before jitter
 * @param maxDelay the longest wait, before jitter
 */
public record RetryPolicy(int retries, Duration initialDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofMinutes(10));

  public RetryPolicy {
    if (retries < 0 || retries > 20) {
      throw new IllegalArgumentException("retries must be between 0 and 20, was " + retries);
    }
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("initialDelay must be positive");
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must not be shorter than initialDelay");
    }
  }

  /** The same backoff with another number of retries. */
  public RetryPolicy withRetries(int newRetries) {
    return new RetryPolicy(newRetries, initialDelay, maxDelay);
  }

  /** Whether a step that has just failed its {@code attempt}-th attempt (from 1) may run again. */
  public boolean allowsAnotherAttempt(int attempt) {
    return attempt <= retries;
  }

  /**
   * The wait after the {@code attempt}-th failed attempt (from 1), with jitter drawn from {@code
   * random} (inject a seeded one to test, as the test kit does).
   */
  public Duration delayAfter(int attempt, RandomGenerator random) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, was " + attempt);
    }
    Duration planned = ceiling(attempt);
    long half = planned.toMillis() / 2;
    return Duration.ofMillis(planned.toMillis() - half + random.nextLong(half + 1));
  }

  /** The wait after the {@code attempt}-th failure before jitter: the most it can be. */
  public Duration ceiling(int attempt) {
    int doublings = Math.min(attempt - 1, 40);
    long millis = initialDelay.toMillis();
    for (int i = 0; i < doublings && millis < maxDelay.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }
}
