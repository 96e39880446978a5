package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.spi.MessagePublisher;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The relay's publisher in a {@link CrashPointWorker}: hangs before publishing ({@code
 * OUTBOX_WRITTEN}) or after the broker confirmed, before the relay marks the rows sent ({@code
 * PUBLISHED}).
 */
final class CrashingPublisher implements MessagePublisher {
  private final MessagePublisher publisher;
  private final CrashPointWorker.Point point;
  private final CrashPointWorker.Marks marks;

  CrashingPublisher(
      MessagePublisher publisher, CrashPointWorker.Point point, CrashPointWorker.Marks marks) {
    this.publisher = publisher;
    this.point = point;
    this.marks = marks;
  }

  @Override
  public Set<UUID> publish(List<OutboxMessage> batch) throws InterruptedException {
    if (point == CrashPointWorker.Point.OUTBOX_WRITTEN) {
      marks.crash();
    }
    Set<UUID> confirmed = publisher.publish(batch);
    if (point == CrashPointWorker.Point.PUBLISHED && !confirmed.isEmpty()) {
      marks.crash();
    }
    return confirmed;
  }

  @Override
  public void close() {
    publisher.close();
  }
}
