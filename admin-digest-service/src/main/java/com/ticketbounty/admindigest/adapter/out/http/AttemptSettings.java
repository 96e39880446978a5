package com.ticketbounty.admindigest.adapter.out.http;

import java.time.Duration;

/**
 * How one count is asked before its step gives up for this attempt (the runtime then retries the
 * step later, with its own, longer backoff).
 *
 * @param timeout how long one call may take, its answer read, once the token is in hand
 * @param attempts calls per count, the first included
 * @param backoff the pause before the second call, doubling for each further one
 */
public record AttemptSettings(Duration timeout, int attempts, Duration backoff) {
  public AttemptSettings {
    if (timeout.isNegative() || timeout.isZero() || backoff.isNegative() || backoff.isZero()) {
      throw new IllegalArgumentException("a count's timeout and backoff must be positive");
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("a count needs at least one attempt, was " + attempts);
    }
  }
}
