package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.KnownTicket;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** {@link KnownTickets} in a map, by {@link KnownTicket#after(KnownTicket)}. */
public final class InMemoryKnownTickets implements KnownTickets {
  private final Map<UUID, KnownTicket> known = new ConcurrentHashMap<>();

  @Override
  public Mono<KnownTicket> find(UUID ticketId) {
    return Mono.fromSupplier(() -> known.get(ticketId));
  }

  @Override
  public Mono<KnownTicket> holdLive(UUID ticketId) {
    return find(ticketId).filter(KnownTicket::isLive);
  }

  @Override
  public Mono<Void> learn(KnownTicket news) {
    return InMemoryUnitOfWork.write(
        () -> known.merge(news.ticketId(), news, (current, incoming) -> current.after(incoming)));
  }

  public Optional<KnownTicket> known(UUID ticketId) {
    return Optional.ofNullable(known.get(ticketId));
  }
}
