package com.ticketbounty.eventruntime.internal.engine;

import java.time.Duration;

/**
 * One attempt's share of its run's timeout: the time the run's attempts may still execute, less
 * what this attempt has used. Measured on the JVM's monotonic clock: it limits execution, not a
 * point in time, so the store's clock plays no part.
 */
final class RunBudget {
  private final long started = System.nanoTime();
  private final Duration timeout;
  private final Duration executedBefore;

  RunBudget(Duration timeout, Duration executedBefore) {
    this.timeout = timeout;
    this.executedBefore = executedBefore;
  }

  /** How long this attempt has executed. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** What is left of the run's timeout now. */
  Duration remaining() {
    return timeout.minus(executedBefore).minus(elapsed());
  }

  boolean spent() {
    Duration left = remaining();
    return left.isNegative() || left.isZero();
  }

  /** Why the run fails when it is spent. */
  String exceeded(String where) {
    return "the run executed for longer than its timeout of " + timeout + " (" + where + ")";
  }
}
