package com.ticketbounty.ticket.application;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The accounts this service knows of, and their usernames: its own copy of what identity-service
 * announces, never a call to it. Joins the caller's transaction when there is one.
 */
public interface Accounts {

  /**
   * Remembers the name a signed-in caller's token carries, unless the account is known already (the
   * account's own events then keep it up to date).
   */
  Mono<Void> remember(UUID userId, String username);

  /** The usernames of those of {@code userIds} that are known. */
  Mono<Map<UUID, String>> usernames(Collection<UUID> userIds);

  Mono<Boolean> exists(UUID userId);
}
