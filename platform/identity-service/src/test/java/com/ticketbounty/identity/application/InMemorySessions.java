package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.Session;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Sessions} in maps; locking is the store's business and not modelled here. */
final class InMemorySessions implements Sessions {
  final Map<UUID, Session> byId = new ConcurrentHashMap<>();
  private final Map<String, UUID> spent = new ConcurrentHashMap<>();

  @Override
  public Mono<Void> add(Session session) {
    byId.put(session.id(), session);
    return Mono.empty();
  }

  @Override
  public Mono<Session> lockedByRefreshTokenHash(String hash) {
    return Mono.justOrEmpty(
        byId.values().stream().filter(s -> s.refreshTokenHash().equals(hash)).findFirst());
  }

  @Override
  public Mono<Session> bySpentRefreshTokenHash(String hash) {
    return Mono.justOrEmpty(spent.get(hash)).mapNotNull(byId::get);
  }

  @Override
  public Mono<Session> lockedById(UUID id) {
    return Mono.justOrEmpty(byId.get(id));
  }

  @Override
  public Flux<Session> lockedLiveOf(UUID userId) {
    return Flux.fromStream(
        byId.values().stream().filter(s -> s.userId().equals(userId) && !s.isEnded()));
  }

  @Override
  public Mono<Void> rotate(Session rotated, String spentHash, Instant spentAt) {
    spent.put(spentHash, rotated.id());
    byId.put(rotated.id(), rotated);
    return Mono.empty();
  }

  @Override
  public Mono<Void> end(Session ended) {
    byId.put(ended.id(), ended);
    return Mono.empty();
  }

  @Override
  public Mono<Boolean> hasEnded(UUID id) {
    Session session = byId.get(id);
    return Mono.just(session == null || session.isEnded());
  }
}
