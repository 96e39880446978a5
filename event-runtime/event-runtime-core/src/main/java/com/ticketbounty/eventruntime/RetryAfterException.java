package com.ticketbounty.eventruntime;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown from a step to retry it after a delay the step knows better than the backoff — a
 * provider's {@code Retry-After}, say. It still counts as an attempt: when the retries are used up
 * the step fails as with any other error.
 */
public class RetryAfterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration delay;

  public RetryAfterException(String message, Duration delay) {
    this(message, delay, null);
  }

  public RetryAfterException(String message, Duration delay, @Nullable Throwable cause) {
    super(message, cause);
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    this.delay = delay;
  }

  /** How long to wait before the next attempt. */
  public Duration delay() {
    return delay;
  }
}
