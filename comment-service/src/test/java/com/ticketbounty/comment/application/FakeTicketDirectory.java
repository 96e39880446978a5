package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.KnownTicket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** ticket-service as {@link FindTicket} sees it: knows some tickets, or is down. */
public final class FakeTicketDirectory implements TicketDirectory {
  private final Map<UUID, UUID> owners = new ConcurrentHashMap<>();
  private final AtomicInteger lookUps = new AtomicInteger();
  private volatile boolean down;

  @Override
  public Mono<KnownTicket> lookUp(UUID ticketId) {
    return Mono.defer(
        () -> {
          lookUps.incrementAndGet();
          if (down) {
            return Mono.error(
                new TicketsUnavailableException("down", new IllegalStateException("test")));
          }
          UUID owner = owners.get(ticketId);
          return owner == null ? Mono.empty() : Mono.just(KnownTicket.unversioned(ticketId, owner));
        });
  }

  public void has(UUID ticketId, UUID ownerId) {
    owners.put(ticketId, ownerId);
  }

  public void goDown() {
    down = true;
  }

  public int lookUps() {
    return lookUps.get();
  }
}
