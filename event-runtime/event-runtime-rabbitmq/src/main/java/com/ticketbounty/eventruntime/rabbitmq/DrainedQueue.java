package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain of one dead-letter queue: its own channel, one unacked message at a time, each handed
 * to the {@link DeadLetterKeeper}. A connection loss is automatic recovery's to repair, through
 * this channel. A consumer the broker cancels (the queue deleted, a quorum queue's leader moved) or
 * a channel it closes (an ack timeout) is replaced here, on the drain's thread: the queue and its
 * binding are declared again on a fresh channel and consumed, after a pause that grows while that
 * keeps failing, until the drain closes.
 */
final class DrainedQueue {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDrain.class);

  private final RabbitConnector connector;
  private final String queue;
  private final String deadLetterQueue;
  private final DeadLetterKeeper keeper;
  private final DrainThread thread;
  private final Backoff backoff;
  private boolean closed;
  private int failedStarts;
  private @Nullable Channel channel;

  DrainedQueue(
      RabbitConnector connector, String queue, DeadLetterKeeper keeper, DrainThread thread) {
    this.connector = connector;
    this.queue = queue;
    this.deadLetterQueue = connector.names().deadLetterQueue(queue);
    this.keeper = keeper;
    this.thread = thread;
    this.backoff = Backoff.from(connector.settings().recoveryInterval());
  }

  /** Declares and consumes, or keeps trying after a growing pause until closed. */
  void startOrRetry(Connection connection) {
    try {
      start(connection);
    } catch (IOException | RuntimeException e) {
      restartLater(null, e.toString());
    }
  }

  /** Closes the channel: the broker requeues the dead letter not yet kept. */
  synchronized void close() {
    closed = true;
    Channels.abort(channel);
    channel = null;
  }

  /**
   * The binding is declared too: a dead-letter queue deleted and declared again has lost it, and
   * dead letters would reach no queue.
   */
  private synchronized void start(Connection connection) throws IOException {
    if (closed) {
      return;
    }
    Channels.abort(channel);
    channel = null;
    Channel opened = connection.createChannel();
    if (opened == null) {
      throw new IOException("RabbitMQ refused another channel (channel_max reached)");
    }
    try {
      opened.queueDeclare(deadLetterQueue, true, false, false, Map.of("x-queue-type", "quorum"));
      opened.queueBind(deadLetterQueue, connector.names().deadLetterExchange(), queue);
      opened.basicQos(1);
      opened.basicConsume(deadLetterQueue, false, new Deliveries(opened));
      channel = opened;
      failedStarts = 0;
    } catch (IOException | RuntimeException e) {
      Channels.abort(opened);
      throw e;
    }
  }

  /**
   * @param from the channel whose consumer stopped; a signal from one already replaced is ignored
   */
  private synchronized void restartLater(@Nullable Channel from, String why) {
    if (closed || (from != null && from != channel)) {
      return;
    }
    failedStarts++;
    Duration pause = backoff.after(failedStarts);
    LOG.warn(
        "The dead-letter drain of {} is not running ({}); trying again in {} ms",
        deadLetterQueue,
        why,
        pause.toMillis());
    thread.runAfter(this::restart, pause);
  }

  private void restart() {
    try {
      connector.whenConnected(this::startOrRetry);
    } catch (IOException | RuntimeException e) {
      restartLater(null, e.toString());
    }
  }

  private final class Deliveries extends DefaultConsumer {
    Deliveries(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(
        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
      keeper.keep(getChannel(), envelope.getDeliveryTag(), queue, properties, body);
    }

    @Override
    public void handleCancel(String tag) {
      Channel cancelled = getChannel();
      thread.run(() -> restartLater(cancelled, "cancelled by the broker"));
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
      // A connection loss (hard error) is repaired by automatic recovery, with this same consumer.
      if (!signal.isHardError() && !signal.isInitiatedByApplication()) {
        Channel closedChannel = getChannel();
        thread.run(() -> restartLater(closedChannel, signal.getMessage()));
      }
    }
  }
}
