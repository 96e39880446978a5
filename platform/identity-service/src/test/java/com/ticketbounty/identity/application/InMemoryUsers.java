package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.EmailAddress;
import com.ticketbounty.identity.domain.User;
import com.ticketbounty.identity.domain.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Users} in a map, with the store's uniqueness rules. */
final class InMemoryUsers implements Users {
  final Map<UUID, User> byId = new ConcurrentHashMap<>();

  @Override
  public Mono<Void> add(User user) {
    return taken(user.email(), user.username(), user.id())
        .flatMap(
            fields -> {
              if (!fields.isEmpty()) {
                return Mono.error(new AccountTakenException(fields));
              }
              byId.put(user.id(), user);
              return Mono.empty();
            });
  }

  @Override
  public Mono<Void> update(User user, long previousVersion) {
    User stored = byId.get(user.id());
    if (stored == null || stored.version() != previousVersion) {
      return Mono.error(new AccountChangedMeanwhileException());
    }
    byId.put(user.id(), user);
    return Mono.empty();
  }

  @Override
  public Mono<Boolean> upgradePasswordHash(UUID id, String expected, String upgraded) {
    User stored = byId.get(id);
    if (stored == null || !stored.passwordHash().equals(expected)) {
      return Mono.just(false);
    }
    byId.put(id, stored.withPasswordRehashed(upgraded));
    return Mono.just(true);
  }

  @Override
  public Mono<User> withId(UUID id) {
    return Mono.justOrEmpty(byId.get(id));
  }

  @Override
  public Flux<User> page(@Nullable UUID after, int limit) {
    return Flux.fromStream(
        byId.values().stream()
            .filter(user -> after == null || user.id().compareTo(after) > 0)
            .sorted(Comparator.comparing(User::id))
            .limit(limit));
  }

  @Override
  public Mono<User> withEmail(EmailAddress email) {
    return Mono.justOrEmpty(
        byId.values().stream().filter(user -> user.email().equals(email)).findFirst());
  }

  @Override
  public Mono<List<String>> taken(EmailAddress email, Username username, UUID except) {
    List<String> fields = new ArrayList<>();
    if (others(except).anyMatch(u -> u.username().value().equalsIgnoreCase(username.value()))) {
      fields.add("username");
    }
    if (others(except).anyMatch(u -> u.email().equals(email))) {
      fields.add("email");
    }
    return Mono.just(List.copyOf(fields));
  }

  @Override
  public Mono<List<String>> usernameTaken(Username username, UUID except) {
    return Mono.just(
        others(except).anyMatch(u -> u.username().value().equalsIgnoreCase(username.value()))
            ? List.of("username")
            : List.of());
  }

  @Override
  public Mono<AccountCounts> count(Instant since) {
    long created = byId.values().stream().filter(u -> !u.createdAt().isBefore(since)).count();
    return Mono.just(new AccountCounts(byId.size(), created, since));
  }

  private java.util.stream.Stream<User> others(UUID except) {
    return byId.values().stream().filter(user -> !user.id().equals(except));
  }
}
