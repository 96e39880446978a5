package com.ticketbounty.serviceweb.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The usernames this service knows, from its own copy of identity-service's accounts (table {@code
 * service_web.accounts}, which a service's SQL may join to search by username). Never asks
 * identity-service: a name not yet announced is the one the caller's token carried.
 */
public final class AccountNames {
  private final DatabaseClient database;

  public AccountNames(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Remembers a caller's name from its token when no event has told this service of the account yet
   * (version 0: the account's events, version 1 and up, replace it).
   */
  public Mono<Void> remember(UUID userId, String username) {
    return database
        .sql(
            "INSERT INTO service_web.accounts (user_id, username, version) VALUES (:id, :name, 0)"
                + " ON CONFLICT (user_id) DO NOTHING")
        .bind("id", userId)
        .bind("name", username)
        .then();
  }

  /** The names of those of {@code userIds} this service knows. */
  public Mono<Map<UUID, String>> usernames(Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return Mono.just(Map.of());
    }
    return database
        .sql("SELECT user_id, username FROM service_web.accounts WHERE user_id = ANY(:ids)")
        .bind("ids", userIds.toArray(UUID[]::new))
        .map(row -> Map.entry(row.get("user_id", UUID.class), row.get("username", String.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  public Mono<Boolean> exists(UUID userId) {
    return usernames(List.of(userId)).map(names -> names.containsKey(userId));
  }
}
