package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The AMQP side of the wire format (DESIGN.md §4): properties and headers. */
public final class AmqpMessages {
  static final String CONTENT_TYPE = "application/json";
  static final int PERSISTENT = 2;
  static final String DEATH_REASON = "x-death-reason";
  static final String ORIGINAL_QUEUE = "x-original-queue";

  private AmqpMessages() {}

  static AMQP.BasicProperties properties(OutboxMessage message, String appId, Instant now) {
    return new AMQP.BasicProperties.Builder()
        .messageId(message.eventId().toString())
        .type(message.eventName())
        .contentType(CONTENT_TYPE)
        .deliveryMode(PERSISTENT)
        .appId(appId)
        .timestamp(Date.from(now))
        .headers(new HashMap<>(message.headers()))
        .build();
  }

  /** The original properties with the reason and the queue it died in added to its headers. */
  static AMQP.BasicProperties deadLettered(
      AMQP.BasicProperties original, String reason, String queue) {
    Map<String, Object> headers =
        original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
    headers.put(DEATH_REASON, reason);
    headers.put(ORIGINAL_QUEUE, queue);
    return original.builder().headers(headers).deliveryMode(PERSISTENT).build();
  }

  /**
   * Header values as text: AMQP strings arrive as {@link LongString}, numbers (a quorum queue's
   * {@code x-delivery-count}) as numbers.
   */
  public static Map<String, String> stringHeaders(@Nullable Map<String, Object> headers) {
    Map<String, String> text = new HashMap<>();
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            if (value != null) {
              text.put(name, text(value));
            }
          });
    }
    return text;
  }

  private static String text(Object value) {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return value.toString();
  }
}
