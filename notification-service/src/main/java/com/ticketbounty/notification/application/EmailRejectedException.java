package com.ticketbounty.notification.application;

import org.jspecify.annotations.Nullable;

/**
 * The provider refused the e-mail for good (a 4xx other than 408/429: a bad address, a bad key, an
 * invalid request). Sending the same e-mail again cannot succeed, so it must not be retried.
 */
public class EmailRejectedException extends ProviderRejectedException {
  private static final long serialVersionUID = 1L;

  public EmailRejectedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
