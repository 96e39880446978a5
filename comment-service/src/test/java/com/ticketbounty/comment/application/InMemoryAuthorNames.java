package com.ticketbounty.comment.application;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/** {@link AuthorNames} in a map; a remembered name never replaces a known one. */
public final class InMemoryAuthorNames implements AuthorNames {
  private final Map<UUID, String> names = new ConcurrentHashMap<>();

  @Override
  public Mono<Void> remember(UUID userId, String username) {
    return InMemoryUnitOfWork.write(() -> names.putIfAbsent(userId, username));
  }

  @Override
  public Mono<Map<UUID, String>> usernames(Collection<UUID> userIds) {
    return Mono.fromSupplier(
        () ->
            userIds.stream()
                .filter(names::containsKey)
                .distinct()
                .collect(Collectors.toMap(id -> id, names::get)));
  }

  /** As the account events would set it. */
  public void rename(UUID userId, String username) {
    names.put(userId, username);
  }
}
