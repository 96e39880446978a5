package com.ticketbounty.eventruntime.stream;

import java.util.Map;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DeclarableCustomizer;
import org.springframework.amqp.core.Queue;

/**
 * Gives the quorum queues the binder declares for projections the one argument the binder has no
 * setting for, {@code x-dead-letter-strategy: at-least-once}, as event-runtime declares it: a
 * message that reached the delivery limit stays in its queue until the dead-letter queue has
 * confirmed it, instead of being dropped if that fails.
 */
final class DeadLetterStrategy implements DeclarableCustomizer {
  private final String deadLetterExchange;

  DeadLetterStrategy(String deadLetterExchange) {
    this.deadLetterExchange = deadLetterExchange;
  }

  @Override
  public Declarable apply(Declarable declarable) {
    if (declarable instanceof Queue queue) {
      Map<String, Object> arguments = queue.getArguments();
      if ("quorum".equals(arguments.get("x-queue-type"))
          && deadLetterExchange.equals(arguments.get("x-dead-letter-exchange"))) {
        arguments.put("x-dead-letter-strategy", "at-least-once");
      }
    }
    return declarable;
  }
}
