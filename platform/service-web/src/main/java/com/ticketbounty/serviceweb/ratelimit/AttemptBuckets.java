package com.ticketbounty.serviceweb.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j bucket per key (a client address, an account), each allowing {@code attempts} per
 * {@code window}: all of them refill at once when the window that began with the key's first
 * attempt is over, so the (attempts + 1)th attempt within a window is always refused, however fast
 * or slow the first ones came.
 *
 * <p>Memory stays bounded by the keys seen within the last window: {@link #forgetIdle()} drops
 * every bucket that has refilled completely, which is exactly as good as the fresh bucket the key
 * would get next time. Taking an attempt and forgetting a bucket are atomic per key (both run
 * inside the map's {@code compute}), so an attempt is never counted in a bucket that is being
 * forgotten. The owner calls {@code forgetIdle()} regularly, e.g. through {@link
 * com.ticketbounty.serviceweb.Pruning}.
 *
 * <p>The counts live in this process only: each instance of a service limits on its own.
 */
public final class AttemptBuckets {
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final long attempts;
  private final Duration window;
  private final TimeMeter time;

  /** Buckets on the system's monotonic clock. */
  public AttemptBuckets(long attempts, Duration window) {
    this(attempts, window, TimeMeter.SYSTEM_NANOTIME);
  }

  /**
   * @param attempts how many attempts a key may make per window, at least 1
   * @param window how long a key's window lasts, from its first attempt
   * @param time the clock the windows are measured with; a test's own, to let time pass
   */
  public AttemptBuckets(long attempts, Duration window, TimeMeter time) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts per window must be at least 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the window must be positive");
    }
    this.attempts = attempts;
    this.window = window;
    this.time = time;
  }

  /**
   * Takes one attempt for the key.
   *
   * @return empty when the attempt is allowed, else how long until the next one will be
   */
  public Optional<Duration> attempt(String key) {
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
  public void forgetIdle() {
    buckets
        .keySet()
        .forEach(
            key ->
                buckets.computeIfPresent(
                    key, (k, bucket) -> bucket.getAvailableTokens() >= attempts ? null : bucket));
  }

  /**
   * A wait as the whole seconds of a {@code Retry-After} header: rounded up, so a client that waits
   * that long is not refused again, and at least 1, since 0 would invite an immediate retry.
   */
  public static long retryAfterSeconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
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
