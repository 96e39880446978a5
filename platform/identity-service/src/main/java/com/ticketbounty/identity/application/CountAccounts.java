package com.ticketbounty.identity.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Counts the accounts, in all and created since an instant: the users' figures of the daily admin
 * digest, which admin-digest-service asks for. Read only, so a retried call counts again and
 * changes nothing.
 */
public final class CountAccounts {
  private final Users users;

  public CountAccounts(Users users) {
    this.users = users;
  }

  public Mono<AccountCounts> count(Instant since) {
    return users.count(since);
  }
}
