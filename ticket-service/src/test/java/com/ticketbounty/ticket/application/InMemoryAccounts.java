package com.ticketbounty.ticket.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** {@link Accounts} in a map; a remembered name joins an {@link InMemoryUnitOfWork} transaction. */
public final class InMemoryAccounts implements Accounts {
  private final Map<UUID, String> names = new ConcurrentHashMap<>();

  /** An account this service heard of from identity-service. */
  public InMemoryAccounts known(UUID userId, String username) {
    names.put(userId, username);
    return this;
  }

  @Override
  public Mono<Void> remember(UUID userId, String username) {
    return InMemoryUnitOfWork.write(() -> names.putIfAbsent(userId, username));
  }

  @Override
  public Mono<Map<UUID, String>> usernames(Collection<UUID> userIds) {
    return Mono.fromSupplier(
        () -> {
          Map<UUID, String> found = new HashMap<>();
          userIds.forEach(
              id -> {
                if (names.containsKey(id)) {
                  found.put(id, names.get(id));
                }
              });
          return found;
        });
  }

  @Override
  public Mono<Boolean> exists(UUID userId) {
    return Mono.fromSupplier(() -> names.containsKey(userId));
  }

  public Map<UUID, String> all() {
    return Map.copyOf(names);
  }
}
