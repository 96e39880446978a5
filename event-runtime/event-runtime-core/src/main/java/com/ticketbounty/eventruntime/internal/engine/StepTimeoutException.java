package com.ticketbounty.eventruntime.internal.engine;

import java.time.Duration;

/** A step body still running at its timeout: abandoned, and failed like any step. */
final class StepTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StepTimeoutException(String key, Duration timeout) {
    super(
        "step "
            + key
            + " ran for longer than its timeout of "
            + timeout
            + " and was abandoned (its thread interrupted)");
  }
}
