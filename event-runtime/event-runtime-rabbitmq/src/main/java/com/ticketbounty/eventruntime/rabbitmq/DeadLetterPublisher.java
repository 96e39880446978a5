package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a message the runtime can never process to its queue's dead-letter queue: it republishes
 * the original body and properties to the dead-letter exchange, with the reason in {@code
 * x-death-reason}, and answers true only once the broker confirmed it and routed it to a queue. The
 * caller acks the original only then, so a crash in between redelivers the original instead of
 * losing it. Dead letters are rare, so publishes are serialized on one channel. Public for
 * consumers the runtime does not run itself (event-runtime-stream's binder), which dead-letter the
 * same way.
 */
public final class DeadLetterPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private final RabbitConnector connector;
  private final String queue;
  private @Nullable Channel channel;
  private volatile boolean returned;

  /**
   * @param queue the full name of the queue the messages die in (its dead letters are routed by it)
   */
  public DeadLetterPublisher(RabbitConnector connector, String queue) {
    this.connector = connector;
    this.queue = queue;
  }

  public synchronized boolean publish(AMQP.BasicProperties original, byte[] body, String reason) {
    try {
      Channel current = channel();
      returned = false;
      // mandatory: a dead letter that reaches no queue comes back (before its confirm) instead of
      // vanishing, and the original is then kept.
      current.basicPublish(
          connector.names().deadLetterExchange(),
          queue,
          true,
          AmqpMessages.deadLettered(original, reason, queue),
          body);
      current.waitForConfirmsOrDie(connector.settings().confirmTimeout().toMillis());
      if (returned) {
        LOG.error("No dead-letter queue is bound for {}; the message stays in the queue", queue);
        return false;
      }
      return true;
    } catch (IOException | TimeoutException | ShutdownSignalException e) {
      LOG.warn("Dead-lettering a message of {} failed; it will be delivered again: {}", queue, e);
      close();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      return false;
    }
  }

  private Channel channel() throws IOException {
    Channel current = channel;
    if (current != null && current.isOpen()) {
      return current;
    }
    Channel opened = connector.openChannel();
    channel = opened;
    opened.addReturnListener(returnedMessage -> returned = true);
    opened.confirmSelect();
    return opened;
  }

  public synchronized void close() {
    Channels.abort(channel);
    channel = null;
  }
}
