package com.ticketbounty.identity.application;

import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.BrokenRulesException;
import com.ticketbounty.identity.domain.PlainPassword;
import com.ticketbounty.identity.domain.SessionEndReason;
import com.ticketbounty.identity.domain.User;
import com.ticketbounty.identity.domain.Violation;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The signed-in user changes their password, proving the current one. The new hash, the end of
 * every session of the account (this one too) and {@code app/account.password-changed} commit
 * together.
 */
public final class ChangePassword {
  static final String CURRENT = "currentPassword";
  static final String NEW = "newPassword";

  private final Users users;
  private final PasswordHasher hasher;
  private final SessionEnds sessionEnds;
  private final IdentityEvents events;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public ChangePassword(
      Users users,
      PasswordHasher hasher,
      SessionEnds sessionEnds,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.sessionEnds = sessionEnds;
    this.events = events;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  public Mono<Void> change(
      UUID userId,
      @Nullable String currentPassword,
      @Nullable String newPassword,
      String clientAddress) {
    return Mono.fromCallable(() -> PlainPassword.chosen(newPassword, NEW))
        .flatMap(
            chosen ->
                users
                    .withId(userId)
                    .switchIfEmpty(
                        Mono.error(() -> new NotAuthenticatedException("No such account.")))
                    .flatMap(user -> proveAndHash(user, currentPassword, chosen))
                    .flatMap(
                        proven ->
                            unitOfWork.inTransaction(
                                store(proven.user(), proven.newHash(), clientAddress))));
  }

  private Mono<Proven> proveAndHash(
      User user, @Nullable String currentPassword, PlainPassword chosen) {
    return hasher
        .matches(PlainPassword.presented(currentPassword), user.passwordHash())
        .flatMap(
            matches ->
                matches
                    ? hasher.hash(chosen).map(hash -> new Proven(user, hash))
                    : Mono.error(
                        new BrokenRulesException(
                            List.of(new Violation(CURRENT, "is not the current password")))));
  }

  private Mono<Void> store(User user, String newHash, String clientAddress) {
    User changed = user.withPasswordHash(newHash, clock.instant());
    return users
        .update(changed, user.version())
        .then(sessionEnds.endAllOf(user.id(), SessionEndReason.PASSWORD_CHANGED))
        .then(
            Mono.defer(
                () ->
                    events.passwordChanged(
                        new PasswordChanged(
                            user.id(), user.email().value(), "changed", changed.updatedAt()))))
        .then(
            Mono.defer(
                () ->
                    audit.record(
                        AuditEntry.of(
                            AuditAction.PASSWORD_CHANGED,
                            user.id(),
                            clientAddress,
                            null,
                            changed.updatedAt()))));
  }

  private record Proven(User user, String newHash) {}
}
