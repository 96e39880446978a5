package com.ticketbounty.bench.driver;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends events on a fixed schedule: event n is meant to leave at {@code start + n / rate}, whatever
 * happened to event n-1. A sender that falls behind sends at once to catch up; the latency is still
 * counted from the schedule's time (no coordinated omission). What an event is — a message on the
 * broker, an HTTP request — is the {@link Sender}'s business.
 */
public final class OpenLoop implements Runnable {
  /** Sends one event; it must not wait for the event's completion, or the schedule slips. */
  public interface Sender {
    void send(int seq, long intendedMicros) throws Exception;

    /** Called once after the last event was sent (a publisher waits for its confirms here). */
    default void finish() throws Exception {}
  }

  private final double rate;
  private final int count;
  private final long startWallMicros;
  private final long startNanos;
  private final Completions completions;
  private final Sender sender;
  private final AtomicInteger sent = new AtomicInteger();
  private volatile boolean stopped;

  public OpenLoop(double rate, int count, Completions completions, Sender sender) {
    this.rate = rate;
    this.count = count;
    this.completions = completions;
    this.sender = sender;
    this.startNanos = System.nanoTime() + 100_000_000L;
    this.startWallMicros = Clocks.wallMicros() + 100_000L;
  }

  /** Starts sending on a thread of its own. */
  public Thread start() {
    Thread thread = new Thread(this, "open-loop");
    thread.start();
    return thread;
  }

  /** Where the measured window starts: after the warm-up. */
  public long windowStartMicros(Timing timing) {
    return startWallMicros + timing.warmup().toNanos() / 1_000;
  }

  public long windowEndMicros(Timing timing) {
    return windowStartMicros(timing) + timing.measure().toNanos() / 1_000;
  }

  public int sent() {
    return sent.get();
  }

  public void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    try {
      for (int seq = 0; seq < count && !stopped; seq++) {
        long offsetNanos = (long) (seq * 1e9 / rate);
        long wait = startNanos + offsetNanos - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        long intended = startWallMicros + offsetNanos / 1_000;
        completions.intended(seq, intended);
        sender.send(seq, intended);
        sent.incrementAndGet();
      }
      sender.finish();
    } catch (Exception e) {
      throw new IllegalStateException("sending failed", e);
    }
  }
}
