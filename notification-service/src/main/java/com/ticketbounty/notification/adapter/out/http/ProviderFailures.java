package com.ticketbounty.notification.adapter.out.http;

import com.ticketbounty.notification.application.EmailNotSentException;
import com.ticketbounty.notification.application.EmailRejectedException;
import com.ticketbounty.notification.application.ProviderRejectedException;
import com.ticketbounty.notification.application.ProviderUnavailableException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The exceptions a port promises its callers, made by {@link ProviderClient}: a port for e-mail
 * throws its e-mail subclasses, the others the plain pair.
 *
 * @param rejected for a refusal for good (a 4xx other than 408/429)
 * @param unavailable for a failure that may pass, with the provider's {@code Retry-After} if any
 */
record ProviderFailures(Rejected rejected, Unavailable unavailable) {

  /** {@link ProviderRejectedException} and {@link ProviderUnavailableException}. */
  static final ProviderFailures PROVIDER =
      new ProviderFailures(ProviderRejectedException::new, ProviderUnavailableException::new);

  /** {@link EmailRejectedException} and {@link EmailNotSentException}. */
  static final ProviderFailures EMAIL =
      new ProviderFailures(EmailRejectedException::new, EmailNotSentException::new);

  /** Makes the exception for a refusal for good. */
  @FunctionalInterface
  interface Rejected {
    ProviderRejectedException create(String message, @Nullable Throwable cause);
  }

  /** Makes the exception for a failure that may pass. */
  @FunctionalInterface
  interface Unavailable {
    ProviderUnavailableException create(
        String message, @Nullable Duration retryAfter, @Nullable Throwable cause);
  }
}
