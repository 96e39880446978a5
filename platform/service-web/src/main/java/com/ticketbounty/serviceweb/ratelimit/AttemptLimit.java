package com.ticketbounty.serviceweb.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One endpoint's limit of attempts per minute. An attempt takes one from the bucket of every key it
 * names — say the client address and the account — so neither many accounts from one client nor
 * many clients on one account get past it; when any of them is used up, the attempt is refused and
 * the longest wait is its {@code Retry-After}. Every key is taken even when an earlier one is
 * refused: an attempt counts against each of them.
 *
 * <p>The count lives in the shared {@link AttemptStore}, asked on Reactor's bounded-elastic
 * threads, never on the event loop. When the store cannot be asked (the database is down or its
 * pool exhausted) the attempt is refused as well, with {@link AttemptLimitUnavailableException}
 * (503): a limit that could be switched off by overloading its store would protect nothing, and
 * every service's store is the database it needs for the request anyway.
 */
public final class AttemptLimit {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final String endpoint;
  private final AttemptBuckets buckets;

  AttemptLimit(String endpoint, AttemptBuckets buckets) {
    this.endpoint = endpoint;
    this.buckets = buckets;
  }

  /**
   * @param endpoint names the endpoint in the store's keys, such as {@code sign-in}; endpoints
   *     count apart
   * @param attempts how many attempts each key may make per minute
   */
  public static AttemptLimit perMinute(AttemptStore store, String endpoint, long attempts) {
    return new AttemptLimit(endpoint, store.buckets(attempts, MINUTE));
  }

  /**
   * Takes one attempt from each key.
   *
   * @return completes when the attempt is allowed; fails with {@link TooManyAttemptsException} when
   *     a key has used up its attempts, with {@link AttemptLimitUnavailableException} when the
   *     store cannot count
   */
  public Mono<Void> take(AttemptKey... keys) {
    List<AttemptKey> named = List.of(keys);
    return Mono.fromCallable(() -> longestWait(named))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(RuntimeException.class, e -> new AttemptLimitUnavailableException(endpoint, e))
        .flatMap(AttemptLimit::refusedIfWaiting);
  }

  private Optional<Duration> longestWait(List<AttemptKey> keys) {
    Optional<Duration> longest = Optional.empty();
    for (AttemptKey key : keys) {
      Optional<Duration> wait = buckets.attempt(key.in(endpoint));
      if (wait.isPresent() && (longest.isEmpty() || wait.get().compareTo(longest.get()) > 0)) {
        longest = wait;
      }
    }
    return longest;
  }

  private static Mono<Void> refusedIfWaiting(Optional<Duration> wait) {
    return wait.isEmpty()
        ? Mono.empty()
        : Mono.error(new TooManyAttemptsException(AttemptBuckets.retryAfterSeconds(wait.get())));
  }

  @Override
  public String toString() {
    return "AttemptLimit[" + endpoint + "]";
  }
}
