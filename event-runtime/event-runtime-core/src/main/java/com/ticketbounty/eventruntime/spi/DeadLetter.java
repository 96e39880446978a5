package com.ticketbounty.eventruntime.spi;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message that a subscription's queue gave up on, as drained from its dead-letter queue.
 *
 * @param queue the queue it died in (where a redrive sends it back)
 * @param messageId its AMQP {@code message_id} (the event id), if it had one
 * @param eventName its AMQP {@code type} (the event name), if it had one
 * @param reason why: the runtime's reason for an undecodable message, or the broker's (delivery
 *     limit reached)
 * @param body the body exactly as it was, which need not be valid JSON or even UTF-8
 * @param headers its string headers, without the broker's dead-lettering bookkeeping
 */
public record DeadLetter(
    String queue,
    @Nullable String messageId,
    @Nullable String eventName,
    String reason,
    byte[] body,
    Map<String, String> headers) {

  public DeadLetter {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(reason, "reason");
    body = body.clone();
    headers = Map.copyOf(headers);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeadLetter that
        && queue.equals(that.queue)
        && Objects.equals(messageId, that.messageId)
        && Objects.equals(eventName, that.eventName)
        && reason.equals(that.reason)
        && Arrays.equals(body, that.body)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(queue, messageId, eventName, reason, Arrays.hashCode(body), headers);
  }

  @Override
  public String toString() {
    return "DeadLetter[" + queue + ", " + messageId + ", " + eventName + ", " + reason + "]";
  }
}
