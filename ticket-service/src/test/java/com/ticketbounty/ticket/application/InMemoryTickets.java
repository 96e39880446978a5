package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** {@link Tickets} in a map; writes join an {@link InMemoryUnitOfWork} transaction. */
public final class InMemoryTickets implements Tickets {
  private final Map<UUID, Ticket> tickets = new ConcurrentHashMap<>();

  @Override
  public Mono<Void> add(Ticket ticket) {
    return InMemoryUnitOfWork.write(
        () -> {
          if (tickets.putIfAbsent(ticket.id(), ticket) != null) {
            throw new IllegalStateException("ticket " + ticket.id() + " is already stored");
          }
        });
  }

  @Override
  public Mono<Ticket> withId(UUID id) {
    return Mono.justOrEmpty(tickets.get(id));
  }

  @Override
  public Mono<Ticket> withIdForChange(UUID id) {
    return withId(id);
  }

  @Override
  public Mono<Void> update(Ticket ticket) {
    Ticket stored = tickets.get(ticket.id());
    if (stored == null || stored.version() != ticket.version() - 1) {
      return Mono.error(new IllegalStateException("ticket " + ticket.id() + " moved on"));
    }
    return InMemoryUnitOfWork.write(() -> tickets.put(ticket.id(), ticket));
  }

  @Override
  public Mono<Void> remove(Ticket ticket) {
    return InMemoryUnitOfWork.write(() -> tickets.remove(ticket.id()));
  }

  @Override
  public Mono<TicketCount> count(Instant since) {
    return Mono.fromSupplier(
        () -> {
          List<Ticket> all = all();
          long createdSince = all.stream().filter(t -> !t.createdAt().isBefore(since)).count();
          return new TicketCount(all.size(), createdSince, since);
        });
  }

  public Optional<Ticket> stored(UUID id) {
    return Optional.ofNullable(tickets.get(id));
  }

  public List<Ticket> all() {
    return List.copyOf(tickets.values());
  }

  public int count() {
    return tickets.size();
  }
}
