package com.ticketbounty.eventruntime.stream;

import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.rabbitmq.DeadLetterDrain;
import com.ticketbounty.eventruntime.rabbitmq.DeadLetterPublisher;
import com.ticketbounty.eventruntime.rabbitmq.RabbitConnector;
import com.ticketbounty.eventruntime.rabbitmq.RabbitMessageSource;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import com.ticketbounty.eventruntime.spi.MessageSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the projections with the consumer the service chose. For the binder each projection is
 * handed its {@link BinderDeliveries} when this is created, before the binder starts its bindings;
 * for the runtime they are subscribed on event-runtime's consumer when this starts. Either way
 * their dead-letter queues are drained into the service's dead letters, where the operations API
 * lists and redrives them as it does every other queue's. It starts before the binder's bindings
 * and stops after them, so nothing is delivered to a projection whose dead letters cannot be
 * published.
 */
final class ProjectionConsumers implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectionConsumers.class);

  private final ProjectionConsumer consumer;
  private final RabbitConnector connector;
  private final DeadLetterStore deadLetterStore;
  private final Map<ProjectionQueue, MessageSource.Handler> handlers = new LinkedHashMap<>();
  private final List<DeadLetterPublisher> publishers = new ArrayList<>();
  private volatile boolean stopping;
  private @Nullable MessageSource source;
  private @Nullable DeadLetterDrain drain;

  ProjectionConsumers(
      ProjectionConsumer consumer,
      List<ProjectionQueue> queues,
      Map<String, Projection<?>> projections,
      EventCodec codec,
      Inboxes inboxes,
      RabbitConnector connector,
      DeadLetterStore deadLetterStore,
      int threads) {
    this.consumer = consumer;
    this.connector = connector;
    this.deadLetterStore = deadLetterStore;
    Semaphore permits = new Semaphore(threads, true);
    for (ProjectionQueue queue : queues) {
      Projection<?> projection = projections.get(queue.beanName());
      if (projection == null || !projection.eventName().equals(queue.eventName())) {
        throw new IllegalStateException(
            "the projection bean '"
                + queue.beanName()
                + "' is not the one its binding was made for");
      }
      MessageSource.Handler handler = projection.handler(queue.subscriptionId(), codec, inboxes);
      handlers.put(queue, handler);
      if (consumer == ProjectionConsumer.BINDER) {
        String name = connector.names().queue(queue.subscriptionId());
        DeadLetterPublisher deadLetters = new DeadLetterPublisher(connector, name);
        publishers.add(deadLetters);
        projection.bindTo(
            new BinderDeliveries(name, handler, deadLetters, permits, () -> stopping));
      }
    }
  }

  @Override
  public synchronized void start() {
    if (handlers.isEmpty() || drain != null) {
      return;
    }
    stopping = false;
    DeadLetterDrain draining = new DeadLetterDrain(connector, deadLetterStore);
    if (consumer == ProjectionConsumer.RUNTIME) {
      MessageSource started = new RabbitMessageSource(connector);
      handlers.forEach(
          (queue, handler) ->
              started.subscribe(queue.subscriptionId(), queue.eventName(), handler));
      source = started;
    }
    handlers.keySet().forEach(queue -> draining.drain(queue.subscriptionId()));
    drain = draining;
    LOG.info(
        "Projections {} consumed by the {}",
        handlers.keySet().stream().map(ProjectionQueue::subscriptionId).toList(),
        consumer == ProjectionConsumer.BINDER ? "Spring Cloud Stream binder" : "runtime");
  }

  @Override
  public synchronized void stop() {
    stopping = true;
    if (source != null) {
      source.close();
      source = null;
    }
    if (drain != null) {
      drain.close();
      drain = null;
    }
    publishers.forEach(DeadLetterPublisher::close);
  }

  @Override
  public synchronized boolean isRunning() {
    return drain != null;
  }

  /** Below the binder's input bindings ({@code DEFAULT_PHASE - 3000}): up before, down after. */
  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 4000;
  }
}
