package com.ticketbounty.identity.adapter.in.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Attempts per minute for the endpoints that guess at secrets (sign-in, forgot-password), counted
 * in memory per instance with Bucket4j: one bucket per (endpoint, client address) and one per
 * (endpoint, account). An attempt needs a token from both; the refill is greedy, one token every
 * {@code 60 s / limit}.
 */
public final class AttemptLimits {
  // Full buckets carry no information; they are dropped once this many keys are held.
  private static final int SWEEP_ABOVE = 10_000;

  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public AttemptLimits(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("attempts per minute must be at least 1");
    }
    this.perMinute = perMinute;
  }

  /**
   * Takes one attempt of {@code endpoint} for the client and the account.
   *
   * @throws TooManyAttemptsException when either has used up its attempts
   */
  void take(String endpoint, String clientAddress, String account) {
    sweepIfLarge();
    ConsumptionProbe byClient =
        bucket(endpoint + "|client|" + clientAddress).tryConsumeAndReturnRemaining(1);
    ConsumptionProbe byAccount =
        bucket(endpoint + "|account|" + account).tryConsumeAndReturnRemaining(1);
    long waitNanos = Math.max(waitOf(byClient), waitOf(byAccount));
    if (waitNanos > 0) {
      throw new TooManyAttemptsException(Math.max(1, ceilSeconds(waitNanos)));
    }
  }

  private Bucket bucket(String key) {
    return buckets.computeIfAbsent(
        key,
        ignored ->
            Bucket.builder()
                .addLimit(
                    limit ->
                        limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
  }

  private static long waitOf(ConsumptionProbe probe) {
    return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
  }

  private static long ceilSeconds(long nanos) {
    return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
  }

  private void sweepIfLarge() {
    if (buckets.size() > SWEEP_ABOVE) {
      buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
    }
  }
}
