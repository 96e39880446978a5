package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.spi.InboxStore;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The inbox for tests that are about the transport, not deduplication. */
final class InMemoryInbox implements InboxStore {
  private final Set<String> processed = ConcurrentHashMap.newKeySet();

  @Override
  public boolean processOnce(String subscription, UUID eventId, Work work) throws Exception {
    String key = subscription + ":" + eventId;
    if (!processed.add(key)) {
      return false;
    }
    try {
      work.run();
      return true;
    } catch (Exception e) {
      processed.remove(key);
      throw e;
    }
  }
}
