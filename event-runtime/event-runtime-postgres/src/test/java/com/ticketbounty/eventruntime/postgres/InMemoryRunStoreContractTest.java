package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.test.InMemoryRunStore;
import com.ticketbounty.eventruntime.test.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The kit's in-memory store against the same contract as PostgreSQL's. */
class InMemoryRunStoreContractTest extends ConcurrentClaimsContract {
  private final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
  private InMemoryRunStore memory = new InMemoryRunStore(clock);

  @Override
  RunStore emptyStore() {
    memory = new InMemoryRunStore(clock);
    return memory;
  }

  @Override
  void elapse(Duration duration) {
    clock.advance(duration);
  }

  @Override
  List<UUID> outboxEventIds() {
    return memory.outbox().stream().map(OutboxMessage::eventId).toList();
  }
}
