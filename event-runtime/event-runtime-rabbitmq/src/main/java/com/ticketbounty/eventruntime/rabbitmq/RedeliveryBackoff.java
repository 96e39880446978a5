package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import java.time.Duration;
import java.util.Map;

/**
 * How long a worker waits before handing a failed delivery back to the broker. Without a pause, a
 * failure that lasts — the database restarting, a provider down — would burn through the queue's
 * delivery limit in milliseconds and dead-letter messages that only needed a little time. The wait
 * doubles with the quorum queue's {@code x-delivery-count}, from 250 ms up to 10 s, so the default
 * limit of 20 deliveries spans about two and a half minutes. Durable functions retry on their own
 * timers; this only guards the hand-off from the broker.
 */
final class RedeliveryBackoff {
  private static final long FIRST_MILLIS = 250;
  private static final long MAX_MILLIS = 10_000;

  private RedeliveryBackoff() {}

  static Duration after(AMQP.BasicProperties properties) {
    Map<String, Object> headers = properties.getHeaders();
    Object count = headers == null ? null : headers.get("x-delivery-count");
    long previous = count instanceof Number number ? number.longValue() : 0;
    return after(previous);
  }

  static Duration after(long previousDeliveries) {
    long doublings = Math.min(Math.max(previousDeliveries, 0), 10);
    return Duration.ofMillis(Math.min(FIRST_MILLIS << doublings, MAX_MILLIS));
  }
}
