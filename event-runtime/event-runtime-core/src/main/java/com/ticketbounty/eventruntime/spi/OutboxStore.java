package com.ticketbounty.eventruntime.spi;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The outbox table, as the relay sees it. Producers write to it inside their own transaction. */
public interface OutboxStore {

  /**
   * Claims up to {@code limit} unsent messages, hands them to {@code publisher} and marks sent
   * those it confirms, all in one transaction. Several relays may call this at once on the same
   * outbox: each message is claimed by one of them, and a message is never handed out while an
   * earlier unsent message of its aggregate is held by another relay, so the order of one
   * aggregate's events is kept. A crash before the commit leaves the batch unsent, to be published
   * again (at least once).
   *
   * @return how many messages were marked sent
   */
  int relay(int limit, BatchPublisher publisher) throws InterruptedException;

  /** Sends a batch, in order, and answers which messages the broker confirmed. */
  @FunctionalInterface
  interface BatchPublisher {
    Set<UUID> publish(List<OutboxMessage> batch) throws InterruptedException;
  }
}
