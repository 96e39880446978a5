package com.ticketbounty.eventruntime.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * When this instance's engine should look for due runs, besides its poll: at once when it made a
 * run due now, and at the due times it wrote itself (a sleep, a retry backoff, a wait's timeout),
 * so that a long poll interval never delays a short backoff.
 *
 * <p>Why remember the due times written rather than ask the claim for the next one: the engine
 * already holds every due time it writes, so remembering them costs no statement and leaves the
 * claim as it is. Runs made due by other instances reach this one through {@code RunStore.onDue}; a
 * due time this instance did not write (another instance's sleeping run, an expired lease) is left
 * to the poll.
 *
 * <p>Due times are on the store's clock, the loop sleeps on {@link System#nanoTime()}: the offset
 * between the two is taken from the store times the engine reads anyway ({@code now()}, and each
 * claim, whose lease expiry less its length is the store's time at the claim). Each reading is
 * taken after the call returned, so the offset errs towards waking late, never before the run is
 * due by the store's clock; {@link #MARGIN} covers rounding. Before the first reading the JVM's
 * clock stands in.
 *
 * <p>At most {@link #MAX_REMEMBERED} due times are kept, the earliest ones: the poll finds the
 * rest. A due time that no longer holds (a wait resolved before its timeout) costs one claim that
 * finds nothing.
 */
final class DueTimes {
  static final Duration MARGIN = Duration.ofMillis(2);
  static final int MAX_REMEMBERED = 10_000;

  // System.nanoTime() values; a set, since runs of one batch often share a due time.
  private final TreeSet<Long> deadlines = new TreeSet<>();
  private volatile ClockReading reading = new ClockReading(Instant.now(), System.nanoTime());
  private volatile LongConsumer target = deadline -> {};

  /** Who is told of a new deadline ({@link System#nanoTime()}): the engine's loop, once started. */
  void wakeWith(LongConsumer wakeAt) {
    target = wakeAt;
  }

  /** This instance made a run claimable now. */
  void dueNow() {
    target.accept(System.nanoTime());
  }

  /** This instance made a run due at {@code storeTime}. */
  void dueAt(Instant storeTime) {
    long deadline = deadline(storeTime);
    if (deadline - System.nanoTime() <= 0) {
      dueNow();
      return;
    }
    synchronized (this) {
      deadlines.add(deadline);
      if (deadlines.size() > MAX_REMEMBERED) {
        deadlines.pollLast();
      }
    }
    target.accept(deadline);
  }

  /** The store's clock read {@code storeNow}; called right after the read returned. */
  void storeClock(Instant storeNow) {
    reading = new ClockReading(storeNow, System.nanoTime());
  }

  /** The earliest remembered deadline, or {@link Long#MAX_VALUE}. */
  synchronized long earliest() {
    return deadlines.isEmpty() ? Long.MAX_VALUE : deadlines.first();
  }

  /** A claim starts at {@code nanos}: it takes every run due by then, so forget those deadlines. */
  synchronized void claiming(long nanos) {
    deadlines.headSet(nanos, true).clear();
  }

  private long deadline(Instant storeTime) {
    ClockReading at = reading;
    return at.nanos() + Duration.between(at.storeTime(), storeTime).plus(MARGIN).toNanos();
  }

  private record ClockReading(Instant storeTime, long nanos) {}
}
