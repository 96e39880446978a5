package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.spi.MessageSource;
import com.ticketbounty.eventruntime.spi.MessageSource.BatchHandler;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consuming side: one quorum queue and consumer per subscription, handlers run on a bounded
 * pool of {@code consumerThreads} workers (never on the AMQP connection's thread), and messages
 * settled with manual acks. The pool's queue needs no bound of its own: the broker hands out at
 * most {@code prefetch} unacked messages per subscription. A {@link BatchHandler}'s deliveries are
 * taken in by one drain per channel instead, a batch of those waiting at a time, and its processed
 * messages acked with one multi-ack (see {@link BatchDrain}).
 *
 * <p>Subscribing while the broker is unreachable is fine: the queue is declared and consumed once
 * the connector connects. After a connection loss, automatic recovery re-registers the consumers.
 */
public final class RabbitMessageSource implements MessageSource {
  private static final Logger LOG = LoggerFactory.getLogger(RabbitMessageSource.class);

  private final RabbitConnector connector;
  private final OpenTelemetry openTelemetry;
  private final ExecutorService workers;
  private final Map<String, SubscriptionConsumer> consumers = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public RabbitMessageSource(RabbitConnector connector) {
    this(connector, OpenTelemetry.noop());
  }

  /**
   * @param openTelemetry where the {@code process} span of each delivery goes: a child of the
   *     context the message carries, current while its handler runs
   */
  public RabbitMessageSource(RabbitConnector connector, OpenTelemetry openTelemetry) {
    this.connector = connector;
    this.openTelemetry = openTelemetry;
    RabbitSettings settings = connector.settings();
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            settings.consumerThreads(),
            task -> {
              Thread thread =
                  new Thread(
                      task,
                      "rabbit-" + settings.serviceName() + "-worker-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Declares and consumes now when connected, else once connected. A broker that refuses (a queue
   * declared before with other arguments, for instance) is logged and tried again every recovery
   * interval rather than thrown: the service keeps running and recovers once the cause is fixed.
   *
   * @throws IllegalArgumentException when {@code subscriptionId} is already subscribed
   */
  @Override
  public void subscribe(String subscriptionId, Set<String> eventNames, Handler handler) {
    if (closed) {
      throw new IllegalStateException("message source is closed");
    }
    SubscriptionConsumer consumer =
        new SubscriptionConsumer(
            connector, subscriptionId, eventNames, handler, workers, openTelemetry);
    if (consumers.putIfAbsent(subscriptionId, consumer) != null) {
      throw new IllegalArgumentException(subscriptionId + " is already subscribed");
    }
    try {
      connector.whenConnected(consumer::startOrRetry);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // startOrRetry throws none
    }
  }

  /**
   * Stops taking deliveries, waits up to {@code shutdownTimeout} for running handlers (their
   * messages are still acked), then closes the channels; the broker redelivers the rest.
   */
  @Override
  public void close() {
    closed = true;
    consumers.values().forEach(SubscriptionConsumer::stop);
    workers.shutdown();
    try {
      long timeout = connector.settings().shutdownTimeout().toMillis();
      if (!workers.awaitTermination(timeout, TimeUnit.MILLISECONDS)) {
        LOG.warn("Handlers still running after {} ms; interrupting them", timeout);
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    consumers.values().forEach(SubscriptionConsumer::close);
  }
}
