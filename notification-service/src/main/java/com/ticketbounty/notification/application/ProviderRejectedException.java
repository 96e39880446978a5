package com.ticketbounty.notification.application;

import org.jspecify.annotations.Nullable;

/**
 * A provider refused a message for good (an HTTP 4xx other than 408 and 429): sending it again
 * cannot succeed, so the step that sent it must not be retried.
 */
public class ProviderRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProviderRejectedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
