package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.RetryAfterException;
import com.ticketbounty.notification.application.ProviderRejectedException;
import com.ticketbounty.notification.application.ProviderUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Maps the ports' provider failures onto the runtime's retry rules, inside a step's body: a refusal
 * for good ({@link ProviderRejectedException}) fails the step at once; an outage with the
 * provider's {@code Retry-After} waits exactly that long; any other failure takes the function's
 * backoff.
 */
final class ProviderCalls {
  private ProviderCalls() {}

  static <T> T mapped(Supplier<T> call) {
    try {
      return call.get();
    } catch (ProviderRejectedException e) {
      throw new NonRetriableException(String.valueOf(e.getMessage()), e);
    } catch (ProviderUnavailableException e) {
      Optional<Duration> retryAfter = e.retryAfter();
      if (retryAfter.isPresent()) {
        throw new RetryAfterException(String.valueOf(e.getMessage()), retryAfter.get(), e);
      }
      throw e;
    }
  }

  static void mapped(Runnable call) {
    mapped(
        () -> {
          call.run();
          return Boolean.TRUE;
        });
  }
}
