package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * The broker objects of one subscription or durable function (DESIGN.md §6): its quorum queue,
 * bound to every event name it reads, and its dead-letter queue. Quorum queue arguments are
 * immutable: a queue declared before with other arguments makes the declaration fail
 * (PRECONDITION_FAILED), and changing them means a new queue.
 */
final class SubscriptionTopology {
  private SubscriptionTopology() {}

  /**
   * Declares the quorum queue and its dead-letter queue and binds them. The channel must stay open
   * as long as the consumer: automatic recovery re-declares through it.
   *
   * <p>Dead-lettering is {@code at-least-once}: the broker keeps a message that reached the
   * delivery limit in the queue until the dead-letter queue has confirmed it, rather than dropping
   * it if that fails. It requires {@code x-overflow=reject-publish}, which only matters if a length
   * limit is ever set, and then pushes back on publishers instead of dropping old messages.
   */
  static void declare(
      Channel channel,
      RabbitNames names,
      String queue,
      Collection<String> eventNames,
      int deliveryLimit)
      throws IOException {
    channel.queueDeclare(
        queue,
        true,
        false,
        false,
        Map.of(
            "x-queue-type",
            "quorum",
            "x-delivery-limit",
            deliveryLimit,
            "x-dead-letter-exchange",
            names.deadLetterExchange(),
            "x-dead-letter-routing-key",
            queue,
            "x-dead-letter-strategy",
            "at-least-once",
            "x-overflow",
            "reject-publish"));
    String deadLetterQueue = names.deadLetterQueue(queue);
    channel.queueDeclare(deadLetterQueue, true, false, false, Map.of("x-queue-type", "quorum"));
    channel.queueBind(deadLetterQueue, names.deadLetterExchange(), queue);
    for (String eventName : eventNames) {
      channel.queueBind(queue, names.exchange(), eventName);
    }
  }
}
