package com.ticketbounty.admindigest.adapter.out.http;

import java.time.Duration;

/**
 * The circuit breaker of each owning service.
 *
 * @param failureRate the percentage of failed calls among the last {@code window} that opens it
 * @param window how many recent calls it judges (at least half of them first)
 * @param openFor how long it refuses at once before letting trial calls through again
 */
public record BreakerSettings(float failureRate, int window, Duration openFor) {
  public BreakerSettings {
    if (failureRate <= 0 || failureRate > 100) {
      throw new IllegalArgumentException("failureRate is a percentage, was " + failureRate);
    }
    if (window < 1) {
      throw new IllegalArgumentException("the breaker's window must hold a call, was " + window);
    }
    if (openFor.isNegative() || openFor.isZero()) {
      throw new IllegalArgumentException("openFor must be positive");
    }
  }
}
