package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The publisher confirms of one confirm-select channel: which event each outstanding sequence
 * number carries, and which of them the broker has acked. Several batches may be outstanding at
 * once; each is awaited on its own range of sequence numbers. Sequence numbers restart on a new
 * channel, so a tracker belongs to exactly one channel and is dropped with it.
 */
final class ConfirmTracker implements ConfirmListener {
  private final NavigableMap<Long, UUID> outstanding = new TreeMap<>();
  private final Set<UUID> confirmed = new HashSet<>();
  private boolean broken;

  synchronized void expect(long sequenceNumber, UUID eventId) {
    outstanding.put(sequenceNumber, eventId);
  }

  @Override
  public void handleAck(long deliveryTag, boolean multiple) {
    settle(deliveryTag, multiple, true);
  }

  /** A nacked message is only forgotten: it is not confirmed, so the outbox keeps it. */
  @Override
  public void handleNack(long deliveryTag, boolean multiple) {
    settle(deliveryTag, multiple, false);
  }

  /** The channel is gone: confirms still outstanding will never come. */
  synchronized void channelClosed(ShutdownSignalException cause) {
    broken = true;
    notifyAll();
  }

  /** Marks the channel unusable, for a publish that failed half-way. */
  synchronized void markBroken() {
    broken = true;
  }

  synchronized boolean isBroken() {
    return broken;
  }

  /**
   * Waits until every message of one batch — sequence numbers {@code first} to {@code last} — is
   * settled, the channel closes, or {@code timeout} passes, then hands over which of {@code ids}
   * (the batch's events) were confirmed. When some of the batch remain outstanding the tracker
   * turns broken: a late confirm must not be taken for one of a later batch.
   */
  synchronized Set<UUID> awaitConfirms(
      long first, long last, Collection<UUID> ids, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long remaining = timeout.toNanos();
    while (anyOutstanding(first, last) && !broken && remaining > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, remaining);
      remaining = deadline - System.nanoTime();
    }
    if (anyOutstanding(first, last)) {
      broken = true;
    }
    Set<UUID> result = new HashSet<>();
    for (UUID id : ids) {
      if (confirmed.remove(id)) {
        result.add(id);
      }
    }
    return result;
  }

  /** Whether any of {@code first} to {@code last} is unsettled (none, when nothing was sent). */
  private boolean anyOutstanding(long first, long last) {
    return first <= last && !outstanding.subMap(first, true, last, true).isEmpty();
  }

  private synchronized void settle(long deliveryTag, boolean multiple, boolean ack) {
    NavigableMap<Long, UUID> settled =
        multiple
            ? outstanding.headMap(deliveryTag, true)
            : outstanding.subMap(deliveryTag, true, deliveryTag, true);
    if (ack) {
      confirmed.addAll(settled.values());
    }
    settled.clear();
    notifyAll();
  }
}
