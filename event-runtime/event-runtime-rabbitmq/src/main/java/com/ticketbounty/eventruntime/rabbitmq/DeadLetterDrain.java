package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains subscriptions' dead-letter queues into a {@link DeadLetterStore}, where operators can list
 * and redrive them. A dead letter is acked only after the store kept it, so a crash in between
 * drains it again (the store keeps one record per message). Dead letters are rare: each queue is
 * drained on its own channel, one message at a time, and kept by one thread of the drain's own —
 * never by amqp-client's dispatch threads, which every consumer of the connection shares, so a slow
 * or unreachable database holds up dead letters only. A store that refuses is retried after a
 * growing pause; a consumer the broker cancels is declared and consumed again. Close it before the
 * connector.
 */
public final class DeadLetterDrain implements AutoCloseable {
  private final RabbitConnector connector;
  private final DrainThread thread;
  private final DeadLetterKeeper keeper;
  private final List<DrainedQueue> queues = new ArrayList<>();
  private boolean closed;

  public DeadLetterDrain(RabbitConnector connector, DeadLetterStore store) {
    this.connector = connector;
    RabbitSettings settings = connector.settings();
    this.thread = new DrainThread("dead-letter-drain-" + settings.serviceName());
    this.keeper = new DeadLetterKeeper(store, thread, Backoff.from(settings.recoveryInterval()));
  }

  /**
   * Drains the dead-letter queue of {@code subscriptionId}, now or once connected; a broker that
   * refuses is tried again after a growing pause until {@link #close}.
   */
  public void drain(String subscriptionId) {
    DrainedQueue drained =
        new DrainedQueue(connector, connector.names().queue(subscriptionId), keeper, thread);
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("dead-letter drain is closed");
      }
      queues.add(drained);
    }
    try {
      connector.whenConnected(drained::startOrRetry);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // startOrRetry throws none
    }
  }

  /**
   * Stops the drain's thread (waiting up to {@code shutdownTimeout} for a store call under way),
   * then closes the channels: the broker requeues every dead letter not yet kept.
   */
  @Override
  public void close() {
    List<DrainedQueue> drained;
    synchronized (this) {
      closed = true;
      drained = List.copyOf(queues);
      queues.clear();
    }
    thread.close(connector.settings().shutdownTimeout());
    drained.forEach(DrainedQueue::close);
  }
}
