package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.serviceweb.Pruning;
import com.ticketbounty.serviceweb.ratelimit.AttemptBuckets;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/**
 * Attempts per minute for the endpoints that guess at secrets (sign-in, forgot-password), counted
 * in memory per instance with service-web's {@link AttemptBuckets}: one key per (endpoint, client
 * address) and one per (endpoint, account). An attempt takes from both, so neither many accounts
 * from one client nor many clients on one account get past the limit; when either is used up, the
 * longer wait is the {@code Retry-After}. A key's attempts come back all at once when the minute
 * that began with its first attempt is over, so the limit holds however the attempts are spread.
 *
 * <p>Keys whose buckets are full again are forgotten every minute; {@link #close()} stops that.
 */
public final class AttemptLimits implements AutoCloseable {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final AttemptBuckets buckets;
  private final Pruning pruning;

  public AttemptLimits(int perMinute) {
    this(perMinute, TimeMeter.SYSTEM_NANOTIME);
  }

  AttemptLimits(int perMinute, TimeMeter time) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("attempts per minute must be at least 1");
    }
    this.buckets = new AttemptBuckets(perMinute, MINUTE, time);
    this.pruning = Pruning.everyMinute("attempt-limits", buckets::forgetIdle);
  }

  /**
   * Takes one attempt of {@code endpoint} for the client and the account.
   *
   * @throws TooManyAttemptsException when either has used up its attempts
   */
  void take(String endpoint, String clientAddress, String account) {
    // Both are taken even when the first is refused: an attempt counts against each of them.
    Optional<Duration> byClient = buckets.attempt(endpoint + "|client|" + clientAddress);
    Optional<Duration> byAccount = buckets.attempt(endpoint + "|account|" + account);
    Optional<Duration> wait = longer(byClient, byAccount);
    if (wait.isPresent()) {
      throw new TooManyAttemptsException(AttemptBuckets.retryAfterSeconds(wait.get()));
    }
  }

  /** Stops forgetting idle keys; Spring calls it when the bean is destroyed. */
  @Override
  public void close() {
    pruning.close();
  }

  private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
  }
}
