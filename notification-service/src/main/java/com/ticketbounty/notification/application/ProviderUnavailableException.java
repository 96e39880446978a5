package com.ticketbounty.notification.application;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A provider could not take a message now (down, overloaded, too slow, its circuit open, an HTTP
 * 408, 429 or 5xx): the same message may go through later. When the provider said when to come back
 * ({@code Retry-After}), {@link #retryAfter()} holds it, and the step waits that long instead of
 * its own backoff.
 */
public class ProviderUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  public ProviderUnavailableException(String message, Throwable cause) {
    this(message, null, cause);
  }

  public ProviderUnavailableException(
      String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked us to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
