package com.ticketbounty.bench.driver;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the driver knows of each event of a phase: when it was meant to be sent (the schedule's
 * time, never the moment the publisher got to it, so a late publisher cannot hide latency) and when
 * the subject said its run's completion had committed. Both in epoch microseconds.
 */
public final class Completions {
  private final long[] intended;
  private final long[] done;
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();

  public Completions(int capacity) {
    intended = new long[capacity];
    done = new long[capacity];
  }

  public int capacity() {
    return intended.length;
  }

  public void intended(int seq, long micros) {
    intended[seq] = micros;
  }

  public long intendedAt(int seq) {
    return intended[seq];
  }

  /**
   * Called by the subject's reader thread, or by the HTTP client's threads as responses arrive
   * (hence synchronized: uncontended for the one reader).
   */
  public synchronized void completed(int seq, long micros) {
    if (seq < 0 || seq >= done.length) {
      return;
    }
    if (done[seq] != 0) {
      duplicates.incrementAndGet();
      return;
    }
    done[seq] = micros;
    completed.incrementAndGet();
  }

  public synchronized long doneAt(int seq) {
    return done[seq];
  }

  public long completed() {
    return completed.get();
  }

  public long duplicates() {
    return duplicates.get();
  }
}
