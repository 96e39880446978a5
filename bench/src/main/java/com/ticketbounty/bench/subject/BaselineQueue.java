package com.ticketbounty.bench.subject;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;

/**
 * The baselines' queue: a quorum queue bound to the same topic exchange event-runtime declares,
 * with event-runtime's delivery limit, so every subject is fed through the same broker path.
 */
final class BaselineQueue {
  private BaselineQueue() {}

  static String declare(Channel channel, String prefix, String subject) throws IOException {
    String exchange = prefix + "events";
    String queue = prefix + "bench." + subject;
    channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true, false, Map.of());
    channel.queueDeclare(
        queue, true, false, false, Map.of("x-queue-type", "quorum", "x-delivery-limit", 20));
    channel.queueBind(queue, exchange, RunRequested.NAME);
    return queue;
  }
}
