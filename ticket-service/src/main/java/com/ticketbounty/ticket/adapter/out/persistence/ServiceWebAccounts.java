package com.ticketbounty.ticket.adapter.out.persistence;

import com.ticketbounty.serviceweb.accounts.AccountNames;
import com.ticketbounty.ticket.application.Accounts;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Accounts from service-web's read model in this service's own database ({@code
 * service_web.accounts}, fed by identity-service's account events). Its statements join the
 * caller's R2DBC transaction, so a remembered name commits with the ticket that needed it.
 */
public final class ServiceWebAccounts implements Accounts {
  private final AccountNames names;

  public ServiceWebAccounts(AccountNames names) {
    this.names = names;
  }

  @Override
  public Mono<Void> remember(UUID userId, String username) {
    return names.remember(userId, username);
  }

  @Override
  public Mono<Map<UUID, String>> usernames(Collection<UUID> userIds) {
    return names.usernames(userIds);
  }

  @Override
  public Mono<Boolean> exists(UUID userId) {
    return names.exists(userId);
  }
}
