package com.ticketbounty.bench.driver;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes events on a fixed schedule: event n is meant to leave at {@code start + n / rate},
 * whatever happened to event n-1. A publisher that falls behind sends at once to catch up; the
 * latency is still counted from the schedule's time (no coordinated omission). Messages carry
 * event-runtime's wire format as the runtime's own relay sends it (message id, type, persistent).
 */
final class OpenLoop implements Runnable {
  static final String EVENT = "bench/run.requested";

  private final Channel channel;
  private final String exchange;
  private final double rate;
  private final int count;
  private final long startWallMicros;
  private final long startNanos;
  private final Completions completions;
  private final AtomicInteger sent = new AtomicInteger();
  private volatile boolean stopped;

  OpenLoop(Channel channel, String exchange, double rate, int count, Completions completions) {
    this.channel = channel;
    this.exchange = exchange;
    this.rate = rate;
    this.count = count;
    this.completions = completions;
    this.startNanos = System.nanoTime() + 100_000_000L;
    this.startWallMicros = Clocks.wallMicros() + 100_000L;
  }

  long startMicros() {
    return startWallMicros;
  }

  int sent() {
    return sent.get();
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    try {
      channel.confirmSelect();
      for (int seq = 0; seq < count && !stopped; seq++) {
        long offsetNanos = (long) (seq * 1e9 / rate);
        long wait = startNanos + offsetNanos - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        long intended = startWallMicros + offsetNanos / 1_000;
        completions.intended(seq, intended);
        publish(seq, intended);
        sent.incrementAndGet();
      }
      channel.waitForConfirmsOrDie(30_000);
    } catch (Exception e) {
      throw new IllegalStateException("publishing failed", e);
    }
  }

  private void publish(int seq, long intendedMicros) throws Exception {
    UUID id = UUID.randomUUID();
    String body =
        "{\"id\":\"%s\",\"name\":\"%s\",\"v\":\"1.0\",\"ts\":%d,\"data\":{\"seq\":%d,\"sentAtMicros\":%d}}"
            .formatted(id, EVENT, intendedMicros / 1_000, seq, intendedMicros);
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .messageId(id.toString())
            .type(EVENT)
            .contentType("application/json")
            .deliveryMode(2)
            .appId("bench-driver")
            .timestamp(new Date(intendedMicros / 1_000))
            .headers(Map.of())
            .build();
    channel.basicPublish(exchange, EVENT, properties, body.getBytes(StandardCharsets.UTF_8));
  }
}
