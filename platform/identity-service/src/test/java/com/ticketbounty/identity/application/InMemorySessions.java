package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.RefreshToken;
import com.ticketbounty.identity.domain.Session;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Sessions} in maps; locking is the store's business and not modelled here. */
final class InMemorySessions implements Sessions {
  final Map<UUID, Session> byId = new ConcurrentHashMap<>();
  final Map<String, RefreshToken> tokens = new ConcurrentHashMap<>();

  @Override
  public Mono<Void> add(Session session, RefreshToken first) {
    byId.put(session.id(), session);
    return addRefreshToken(first);
  }

  @Override
  public Mono<Presented> lockedByRefreshTokenHash(String hash) {
    return Mono.justOrEmpty(tokens.get(hash))
        .map(token -> new Presented(byId.get(token.sessionId()), token));
  }

  @Override
  public Mono<Void> addRefreshToken(RefreshToken token) {
    tokens.put(token.hash(), token);
    return Mono.empty();
  }

  @Override
  public Mono<Void> spend(RefreshToken spent) {
    tokens.put(spent.hash(), spent);
    return Mono.empty();
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
