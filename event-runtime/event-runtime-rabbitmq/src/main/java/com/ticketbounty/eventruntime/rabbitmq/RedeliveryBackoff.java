package com.ticketbounty.eventruntime.rabbitmq;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * How long a worker waits before handing a failed delivery back to the broker. Without a pause, a
 * failure that lasts — the database restarting, a provider down — would burn through the queue's
 * delivery limit in milliseconds and dead-letter messages that only needed a little time. The wait
 * doubles with the quorum queue's {@code x-delivery-count}, from 250 ms up to 10 s, so the default
 * limit of 20 deliveries spans about two and a half minutes. Durable functions retry on their own
 * timers; this only guards the hand-off from the broker.
 */
public final class RedeliveryBackoff {
  private static final long FIRST_MILLIS = 250;
  private static final long MAX_MILLIS = 10_000;

  private RedeliveryBackoff() {}

  /**
   * Waits before a failed delivery of {@code headers} (the AMQP headers, with the quorum queue's
   * {@code x-delivery-count}) is handed back; returns early once {@code stopping}.
   */
  public static void pause(@Nullable Map<String, Object> headers, BooleanSupplier stopping) {
    long until = System.nanoTime() + after(headers).toNanos();
    try {
      while (!stopping.getAsBoolean() && System.nanoTime() < until) {
        Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The wait after a delivery with these AMQP headers (the quorum queue's delivery count). */
  static Duration after(@Nullable Map<String, Object> headers) {
    Object count = headers == null ? null : headers.get("x-delivery-count");
    return after(count instanceof Number number ? number.longValue() : 0);
  }

  /**
   * @param previousDeliveries the quorum queue's {@code x-delivery-count} of the delivery that
   *     failed
   */
  static Duration after(long previousDeliveries) {
    long doublings = Math.min(Math.max(previousDeliveries, 0), 10);
    return Duration.ofMillis(Math.min(FIRST_MILLIS << doublings, MAX_MILLIS));
  }
}
