package com.ticketbounty.comment.adapter.out.accounts;

import com.ticketbounty.comment.application.AuthorNames;
import com.ticketbounty.serviceweb.accounts.AccountNames;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Authors' names from service-web's accounts read model (fed by identity-service's account events,
 * in this service's own database). Its R2DBC statements join the caller's transaction.
 */
public final class ServiceWebAuthorNames implements AuthorNames {
  private final AccountNames accounts;

  public ServiceWebAuthorNames(AccountNames accounts) {
    this.accounts = accounts;
  }

  @Override
  public Mono<Void> remember(UUID userId, String username) {
    return accounts.remember(userId, username);
  }

  @Override
  public Mono<Map<UUID, String>> usernames(Collection<UUID> userIds) {
    return accounts.usernames(userIds);
  }
}
