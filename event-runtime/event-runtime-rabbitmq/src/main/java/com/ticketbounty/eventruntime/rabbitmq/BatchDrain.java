package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one channel's deliveries in batches for a {@link
 * com.ticketbounty.eventruntime.spi.MessageSource.BatchHandler}: a delivery is queued and, unless a
 * drain is already running, a drain is started on the worker pool at once. The drain takes whatever
 * is waiting, up to {@code cap}, and never waits for more: a lone message is handled as soon as it
 * arrives, and under load the deliveries that arrived during one batch make the next. One drain
 * runs at a time per channel, so batches are settled in delivery order; a drain handles one batch
 * and hands the pool back (starting another drain if more are waiting), so that other
 * subscriptions' work interleaves.
 */
final class BatchDrain {
  private static final Logger LOG = LoggerFactory.getLogger(BatchDrain.class);

  private final Channel channel;
  private final Executor workers;
  private final BatchSettlement settlement;
  private final int cap;
  private final Queue<Delivery> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /**
   * Every tag up to this one is settled (acked or handed back), so that a multi-ack of a later
   * batch that starts right after it covers no delivery of another batch. Only the running drain
   * reads or writes it; the {@link #draining} flag orders one drain after the other.
   */
  private long settledThrough;

  BatchDrain(Channel channel, Executor workers, BatchSettlement settlement, int cap) {
    this.channel = channel;
    this.workers = workers;
    this.settlement = settlement;
    this.cap = cap;
  }

  /** Called on the connection's dispatch thread, in delivery order. */
  void add(Delivery delivery) {
    waiting.add(delivery);
    startDrain();
  }

  private void startDrain() {
    if (!draining.compareAndSet(false, true)) {
      return; // the running drain takes it, or starts the next one that does
    }
    try {
      workers.execute(this::drain);
    } catch (RejectedExecutionException e) {
      draining.set(false);
      LOG.debug("Worker pool closed; waiting deliveries will be redelivered");
    }
  }

  private void drain() {
    try {
      List<Delivery> batch = new ArrayList<>();
      Delivery next;
      while (batch.size() < cap && (next = waiting.poll()) != null) {
        batch.add(next);
      }
      if (!batch.isEmpty()) {
        handle(batch);
      }
    } finally {
      draining.set(false);
    }
    // A delivery queued after the batch was taken but before the flag was cleared found a drain
    // running: start the next one for it.
    if (!waiting.isEmpty()) {
      startDrain();
    }
  }

  private void handle(List<Delivery> batch) {
    long first = batch.getFirst().tag();
    long last = batch.getLast().tag();
    // Tags are consecutive as delivered; a gap (a delivery never handed to a drain) or a batch not
    // right after the settled ones means a multi-ack could cover a tag of another: ack one by one.
    boolean adjoining = first == settledThrough + 1 && last - first == batch.size() - 1;
    if (settlement.handle(channel, batch, adjoining) && adjoining) {
      settledThrough = last;
    }
  }
}
