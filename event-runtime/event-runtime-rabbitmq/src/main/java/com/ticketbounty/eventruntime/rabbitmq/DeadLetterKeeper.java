package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import com.ticketbounty.eventruntime.spi.DeadLetter;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps drained dead letters in the {@link DeadLetterStore}, on the {@link DrainThread}, and acks
 * each only once the store kept it: a crash in between drains it again, and the store keeps one
 * record per message. While the store refuses (the database down), the delivery stays unacked and
 * is tried again after a growing pause — not requeued, which would spin through the queue and count
 * against a delivery limit — until the store takes it, its channel goes (the broker then delivers
 * it again) or the drain closes.
 */
final class DeadLetterKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDrain.class);

  /** The broker's and our own dead-lettering bookkeeping, kept out of the stored headers. */
  private static final Set<String> BOOKKEEPING =
      Set.of(
          "x-death",
          "x-first-death-exchange",
          "x-first-death-queue",
          "x-first-death-reason",
          "x-last-death-exchange",
          "x-last-death-queue",
          "x-last-death-reason",
          "x-delivery-count",
          AmqpMessages.DEATH_REASON,
          AmqpMessages.ORIGINAL_QUEUE);

  private final DeadLetterStore store;
  private final DrainThread thread;
  private final Backoff backoff;

  DeadLetterKeeper(DeadLetterStore store, DrainThread thread, Backoff backoff) {
    this.store = store;
    this.thread = thread;
    this.backoff = backoff;
  }

  /**
   * Called on the dispatch thread: reads the letter and hands the keeping to the drain's thread.
   */
  void keep(
      Channel channel,
      long deliveryTag,
      String queue,
      AMQP.BasicProperties properties,
      byte[] body) {
    DeadLetter letter = letter(queue, properties, body);
    thread.run(() -> attempt(channel, deliveryTag, letter, 1));
  }

  private void attempt(Channel channel, long deliveryTag, DeadLetter letter, int attempt) {
    if (!channel.isOpen()) {
      LOG.info("Dead letter of {} left to the broker: its channel closed", letter.queue());
      return;
    }
    try {
      store.save(letter);
    } catch (RuntimeException e) {
      Duration pause = backoff.after(attempt);
      LOG.warn(
          "Could not keep a dead letter of {} (attempt {}); it stays unacked, next try in {} ms: {}",
          letter.queue(),
          attempt,
          pause.toMillis(),
          e.toString());
      thread.runAfter(() -> attempt(channel, deliveryTag, letter, attempt + 1), pause);
      return;
    }
    try {
      channel.basicAck(deliveryTag, false);
      LOG.warn(
          "Dead letter of {} kept: {} ({})", letter.queue(), letter.messageId(), letter.reason());
    } catch (IOException | ShutdownSignalException e) {
      LOG.info(
          "Dead letter of {} kept but not acked ({}); the broker delivers it again and the store"
              + " keeps one record",
          letter.queue(),
          e.toString());
    }
  }

  static DeadLetter letter(String queue, AMQP.BasicProperties properties, byte[] body) {
    Map<String, Object> headers =
        properties.getHeaders() == null ? Map.of() : properties.getHeaders();
    return new DeadLetter(
        queue,
        properties.getMessageId(),
        properties.getType(),
        reason(headers),
        body,
        keptHeaders(headers));
  }

  /** What a dead letter says about why it died, in words an operator can act on. */
  static String reason(Map<String, Object> headers) {
    Object ours = headers.get(AmqpMessages.DEATH_REASON);
    if (ours != null) {
      return ours.toString();
    }
    Object brokers = headers.get("x-first-death-reason");
    if (brokers != null && "delivery_limit".equals(brokers.toString())) {
      return "delivery limit reached: every delivery failed or its worker died";
    }
    return brokers == null ? "dead-lettered by the broker" : "dead-lettered: " + brokers;
  }

  static Map<String, String> keptHeaders(Map<String, Object> headers) {
    Map<String, Object> kept = new HashMap<>(headers);
    kept.keySet().removeAll(BOOKKEEPING);
    return AmqpMessages.stringHeaders(kept);
  }
}
