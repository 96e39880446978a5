package com.ticketbounty.notification.application;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Sending failed for a reason that may pass (the provider answered 5xx, 408 or 429, was too slow,
 * could not be reached, or its circuit breaker is open): the same e-mail may be sent again later.
 */
public class EmailNotSentException extends ProviderUnavailableException {
  private static final long serialVersionUID = 1L;

  public EmailNotSentException(String message, Throwable cause) {
    super(message, cause);
  }

  public EmailNotSentException(
      String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(message, retryAfter, cause);
  }
}
