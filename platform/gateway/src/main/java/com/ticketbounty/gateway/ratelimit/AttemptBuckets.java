package com.ticketbounty.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j bucket per client key, each allowing {@code attempts} per {@code window}: all of
 * them refill at once when the window that began with the key's first attempt is over, so the
 * (attempts + 1)th attempt within a window is always refused, however fast or slow the first ones
 * came.
 *
 * <p>Memory stays bounded by the recent clients: {@link #forgetIdle()} drops every bucket that has
 * refilled completely, which is exactly as good as the fresh bucket the key would get next time.
 * Taking an attempt and forgetting a bucket are atomic per key (both run inside the map's {@code
 * compute}), so an attempt is never counted in a bucket that is being forgotten.
 */
final class AttemptBuckets {
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final long attempts;
  private final Duration window;
  private final TimeMeter time;

  AttemptBuckets(long attempts, Duration window, TimeMeter time) {
    this.attempts = attempts;
    this.window = window;
    this.time = time;
  }

  /**
   * Takes one attempt for the key.
   *
   * @return empty when the attempt is allowed, else how long until the next one will be
   */
  Optional<Duration> attempt(String key) {
    ConsumptionProbe[] probe = new ConsumptionProbe[1];
    buckets.compute(
        key,
        (k, existing) -> {
          Bucket bucket = existing == null ? newBucket() : existing;
          probe[0] = bucket.tryConsumeAndReturnRemaining(1);
          return bucket;
        });
    return probe[0].isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe[0].getNanosToWaitForRefill()));
  }

  /** Drops the buckets that are full again. */
  void forgetIdle() {
    buckets
        .keySet()
        .forEach(
            key ->
                buckets.computeIfPresent(
                    key, (k, bucket) -> bucket.getAvailableTokens() >= attempts ? null : bucket));
  }

  int size() {
    return buckets.size();
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(attempts).refillIntervally(attempts, window))
        .withCustomTimePrecision(time)
        .build();
  }
}
