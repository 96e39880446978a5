package com.ticketbounty.serviceweb.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Optional;

/**
 * One Bucket4j bucket per key (a client address, an account), each allowing {@code attempts} per
 * {@code window}: all of them refill at once when the window that began with the key's first
 * attempt is over, so the (attempts + 1)th attempt within a window is always refused, however fast
 * or slow the first ones came.
 *
 * <p>The buckets live in an {@link AttemptStore}, shared by every instance of the service: an
 * attempt at one instance counts at all of them. {@link #attempt} blocks on the store's database.
 */
public final class AttemptBuckets {
  private final ProxyManager<String> store;
  private final BucketConfiguration configuration;

  AttemptBuckets(ProxyManager<String> store, long attempts, Duration window) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts per window must be at least 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the window must be positive");
    }
    this.store = store;
    this.configuration =
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(attempts).refillIntervally(attempts, window))
            .build();
  }

  /**
   * Takes one attempt for the key, in the store (blocking).
   *
   * @return empty when the attempt is allowed, else how long until the next one will be
   */
  public Optional<Duration> attempt(String key) {
    ConsumptionProbe probe =
        store.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /**
   * A wait as the whole seconds of a {@code Retry-After} header: rounded up, so a client that waits
   * that long is not refused again, and at least 1, since 0 would invite an immediate retry.
   */
  public static long retryAfterSeconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
