package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.User;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An administrator has identity publish every account's profile again, as {@code
 * app/account.profile-updated} at the account's current version. This is how the services' accounts
 * read models are rebuilt from their owner: a lost row comes back, and a row that is up to date
 * stays as it is (a read model never takes a lower version). Published events leave the outbox
 * after the retention period, so replaying them is no substitute.
 *
 * <p>Accounts go out in id order, a batch per transaction, so one call neither holds a long
 * transaction nor loads every account at once.
 */
public final class RepublishAccounts {
  static final int BATCH = 500;

  private final Users users;
  private final IdentityEvents events;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final int batch;

  public RepublishAccounts(
      Users users, IdentityEvents events, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this(users, events, audit, unitOfWork, clock, BATCH);
  }

  RepublishAccounts(
      Users users,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock,
      int batch) {
    this.users = users;
    this.events = events;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
    this.batch = batch;
  }

  /**
   * @return how many accounts were published
   */
  public Mono<Long> republish(UUID adminId, String clientAddress) {
    return from(null, 0)
        .flatMap(
            count ->
                unitOfWork
                    .inTransaction(
                        audit.record(
                            AuditEntry.of(
                                AuditAction.ACCOUNTS_REPUBLISHED,
                                adminId,
                                clientAddress,
                                count + " accounts",
                                clock.instant())))
                    .thenReturn(count));
  }

  private Mono<Long> from(@Nullable UUID after, long sent) {
    return unitOfWork
        .inTransaction(
            users
                .page(after, batch)
                .collectList()
                .flatMap(accounts -> publish(accounts).thenReturn(accounts)))
        .flatMap(
            accounts ->
                accounts.size() < batch
                    ? Mono.just(sent + accounts.size())
                    : from(accounts.get(accounts.size() - 1).id(), sent + accounts.size()));
  }

  private Mono<Void> publish(List<User> accounts) {
    return Flux.fromIterable(accounts)
        .concatMap(account -> events.profileUpdated(UpdateProfile.event(account)))
        .then();
  }
}
