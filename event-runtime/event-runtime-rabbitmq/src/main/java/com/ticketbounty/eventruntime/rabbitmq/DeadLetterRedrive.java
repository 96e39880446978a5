package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.ticketbounty.eventruntime.spi.DeadLetter;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a kept dead letter back to the queue it died in — through the default exchange, so only
 * that subscription gets it again, not every subscriber of the event — and marks it redriven once
 * the broker confirmed it. A crash between the two redrives it at most once more, which the
 * subscription's deduplication by event id absorbs.
 */
public final class DeadLetterRedrive {
  static final String REDRIVEN_FROM = "x-redriven-from";

  private final RabbitConnector connector;
  private final DeadLetterStore store;

  public DeadLetterRedrive(RabbitConnector connector, DeadLetterStore store) {
    this.connector = connector;
    this.store = store;
  }

  /**
   * @return false when there is no such live dead letter (unknown, or already redriven)
   * @throws IllegalStateException when the broker did not confirm the message
   */
  public boolean redrive(long id) {
    DeadLetterStore.Stored stored = store.find(id).orElse(null);
    if (stored == null || stored.redrivenAt() != null) {
      return false;
    }
    publish(stored.id(), stored.letter());
    // Already marked when the message died again and was drained first (the store does that).
    store.markRedriven(id);
    return true;
  }

  private void publish(long id, DeadLetter letter) {
    Map<String, Object> headers = new HashMap<>(letter.headers());
    headers.put(REDRIVEN_FROM, Long.toString(id));
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .messageId(letter.messageId())
            .type(letter.eventName())
            .contentType(AmqpMessages.CONTENT_TYPE)
            .deliveryMode(AmqpMessages.PERSISTENT)
            .headers(headers)
            .build();
    Channel channel = null;
    try {
      channel = connector.openChannel();
      AtomicBoolean returned = new AtomicBoolean();
      channel.addReturnListener(message -> returned.set(true));
      channel.confirmSelect();
      channel.basicPublish("", letter.queue(), true, properties, letter.body());
      channel.waitForConfirmsOrDie(connector.settings().confirmTimeout().toMillis());
      if (returned.get()) {
        throw new IllegalStateException(
            "queue " + letter.queue() + " no longer exists; dead letter " + id + " is kept");
      }
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException(
          "the broker did not take dead letter " + id + " back: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while redriving dead letter " + id, e);
    } finally {
      Channels.abort(channel);
    }
  }
}
