package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.ticketbounty.eventruntime.spi.DeadLetter;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains subscriptions' dead-letter queues into a {@link DeadLetterStore}, where operators can list
 * and redrive them. A dead letter is acked only after the store kept it, so a crash in between
 * drains it again (the store keeps one record per message). Dead letters are rare: each queue is
 * drained on its own channel, one message at a time.
 */
public final class DeadLetterDrain implements AutoCloseable {
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

  private final RabbitConnector connector;
  private final DeadLetterStore store;
  private final Map<String, Channel> channels = new HashMap<>();

  public DeadLetterDrain(RabbitConnector connector, DeadLetterStore store) {
    this.connector = connector;
    this.store = store;
  }

  /** Drains the dead-letter queue of {@code subscriptionId}, now or once connected. */
  public void drain(String subscriptionId) {
    String queue = connector.names().queue(subscriptionId);
    try {
      connector.whenConnected(connection -> start(connection, queue));
    } catch (IOException e) {
      throw new IllegalStateException("could not drain the dead letters of " + queue, e);
    }
  }

  private synchronized void start(Connection connection, String queue) throws IOException {
    String deadLetterQueue = connector.names().deadLetterQueue(queue);
    Channel channel = connection.createChannel();
    channel.queueDeclare(deadLetterQueue, true, false, false, Map.of("x-queue-type", "quorum"));
    channel.basicQos(1);
    channel.basicConsume(deadLetterQueue, false, new Keeper(channel, queue));
    channels.put(queue, channel);
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

  @Override
  public synchronized void close() {
    channels.values().forEach(Channels::abort);
    channels.clear();
  }

  private final class Keeper extends DefaultConsumer {
    private final String queue;

    Keeper(Channel channel, String queue) {
      super(channel);
      this.queue = queue;
    }

    @Override
    public void handleDelivery(
        String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
        throws IOException {
      Map<String, Object> headers =
          properties.getHeaders() == null ? Map.of() : properties.getHeaders();
      DeadLetter letter =
          new DeadLetter(
              queue,
              properties.getMessageId(),
              properties.getType(),
              reason(headers),
              body,
              keptHeaders(headers));
      try {
        store.save(letter);
        getChannel().basicAck(envelope.getDeliveryTag(), false);
        LOG.warn("Dead letter of {} kept: {} ({})", queue, letter.messageId(), letter.reason());
      } catch (RuntimeException e) {
        LOG.warn("Could not keep a dead letter of {}; it stays queued: {}", queue, e.toString());
        pauseThenRequeue(envelope);
      }
    }

    /** The store is down: wait a little rather than spin on the same message. */
    private void pauseThenRequeue(Envelope envelope) throws IOException {
      try {
        Thread.sleep(connector.settings().recoveryInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      getChannel().basicNack(envelope.getDeliveryTag(), false, true);
    }

    @Override
    public void handleCancel(String consumerTag) {
      LOG.warn("The broker cancelled the dead-letter drain of {}", queue);
    }
  }
}
