package com.ticketbounty.admindigest.application;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A figure cannot be had now: its owner is down, too slow, overloaded (408, 429, 5xx), its circuit
 * is open, or no service token could be had. The same question may be answered later; when the
 * owner said when ({@code Retry-After}), {@link #retryAfter()} holds it.
 */
public class FiguresUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  public FiguresUnavailableException(
      String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the owner asked us to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
