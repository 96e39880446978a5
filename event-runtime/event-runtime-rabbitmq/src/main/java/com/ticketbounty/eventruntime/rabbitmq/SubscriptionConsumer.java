package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.MessageSource.BatchHandler;
import com.ticketbounty.eventruntime.spi.MessageSource.Handler;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription's consumer: its own channel (with the queue's topology and the prefetch on it),
 * deliveries handed to the shared worker pool, and each message settled by its worker once the
 * handler has answered (for a batch handler, the deliveries waiting taken in and settled together).
 * A connection loss is automatic recovery's to repair; a channel the broker closes on its own
 * (consumer timeout) or a cancelled consumer (queue deleted) is re-opened here after the recovery
 * interval.
 */
final class SubscriptionConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionConsumer.class);

  /**
   * The most deliveries taken in together: enough to make one transaction of a burst, few enough
   * that the deliveries arriving meanwhile (up to the prefetch) make the next batch.
   */
  static final int MAX_BATCH = 100;

  private final RabbitConnector connector;
  private final String queue;
  private final Set<String> eventNames;
  private final Executor workers;
  private final Settlement settlement;
  private final @Nullable BatchSettlement batches;
  private volatile boolean stopping;
  private @Nullable Channel channel;
  private @Nullable String consumerTag;

  SubscriptionConsumer(
      RabbitConnector connector,
      String subscriptionId,
      Set<String> eventNames,
      Handler handler,
      Executor workers,
      OpenTelemetry openTelemetry) {
    this.connector = connector;
    this.queue = connector.names().queue(subscriptionId);
    this.eventNames = Set.copyOf(eventNames);
    this.workers = workers;
    ProcessSpans spans = new ProcessSpans(openTelemetry, queue);
    this.settlement =
        new Settlement(
            queue, handler, new DeadLetterPublisher(connector, queue), () -> stopping, spans);
    this.batches =
        handler instanceof BatchHandler batchHandler
            ? new BatchSettlement(queue, batchHandler, settlement, () -> stopping, spans)
            : null;
  }

  /** Declares the topology and starts consuming on a fresh channel. */
  synchronized void start(Connection connection) throws IOException {
    if (stopping) {
      return;
    }
    Channels.abort(channel);
    Channel opened = connection.createChannel();
    try {
      RabbitSettings settings = connector.settings();
      SubscriptionTopology.declare(
          opened, connector.names(), queue, eventNames, settings.deliveryLimit());
      opened.basicQos(settings.prefetch());
      String tag = settings.serviceName() + "." + UUID.randomUUID();
      consumerTag = opened.basicConsume(queue, false, tag, new Deliveries(opened));
      channel = opened;
      LOG.info("Consuming {} from {}", eventNames, queue);
    } catch (IOException | RuntimeException e) {
      Channels.abort(opened);
      throw e;
    }
  }

  /**
   * Starts, or keeps trying every recovery interval: a failure here is a broker problem (a lost
   * connection, or a queue declared before with other arguments) that the service outlives.
   */
  void startOrRetry(Connection connection) {
    try {
      start(connection);
    } catch (IOException | RuntimeException e) {
      restartLater(e.toString());
    }
  }

  /** Stops deliveries; messages not yet handed to a handler are left for redelivery. */
  synchronized void stop() {
    stopping = true;
    Channel current = channel;
    String tag = consumerTag;
    if (current != null && tag != null && current.isOpen()) {
      try {
        current.basicCancel(tag);
      } catch (IOException | RuntimeException e) {
        LOG.debug("Cancelling the consumer of {} failed: {}", queue, e.toString());
      }
    }
  }

  /** Closes the channels: the broker requeues whatever is still unacked. */
  synchronized void close() {
    stopping = true;
    Channels.abort(channel);
    channel = null;
    settlement.close();
  }

  private void restartLater(String why) {
    if (stopping) {
      return;
    }
    LOG.warn(
        "Consumer of {} is not running ({}); trying again in {} ms",
        queue,
        why,
        connector.settings().recoveryInterval().toMillis());
    connector.schedule(this::restart, connector.settings().recoveryInterval());
  }

  private void restart() {
    try {
      connector.whenConnected(this::startOrRetry);
    } catch (IOException | RuntimeException e) {
      restartLater(e.toString());
    }
  }

  /**
   * The channel's consumer. For a {@link BatchHandler}, deliveries are taken in batches by the
   * channel's one {@link BatchDrain}; otherwise each is handled on its own worker.
   */
  private final class Deliveries extends DefaultConsumer {
    private final @Nullable BatchDrain drain;

    Deliveries(Channel channel) {
      super(channel);
      int cap = Math.min(connector.settings().prefetch(), MAX_BATCH);
      this.drain = batches == null ? null : new BatchDrain(channel, workers, batches, cap);
    }

    @Override
    public void handleDelivery(
        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
      InboundMessage message =
          new InboundMessage(
              body, AmqpMessages.stringHeaders(properties.getHeaders()), envelope.isRedeliver());
      if (drain != null) {
        drain.add(new Delivery(envelope.getDeliveryTag(), properties, message));
        return;
      }
      Channel current = getChannel();
      try {
        workers.execute(
            () -> settlement.handle(current, envelope.getDeliveryTag(), properties, message));
      } catch (RejectedExecutionException e) {
        LOG.debug("Worker pool closed; {} will be redelivered", queue);
      }
    }

    @Override
    public void handleCancel(String tag) {
      restartLater("cancelled by the broker");
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
      // A connection loss (hard error) is repaired by automatic recovery, with this same consumer.
      if (!signal.isHardError() && !signal.isInitiatedByApplication()) {
        restartLater(signal.getMessage());
      }
    }
  }
}
