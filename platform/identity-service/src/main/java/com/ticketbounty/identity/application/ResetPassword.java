package com.ticketbounty.identity.application;

import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.identity.application.SessionStarts.NewSession;
import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.BrokenRulesException;
import com.ticketbounty.identity.domain.PlainPassword;
import com.ticketbounty.identity.domain.SecretToken;
import com.ticketbounty.identity.domain.SessionEndReason;
import com.ticketbounty.identity.domain.User;
import com.ticketbounty.identity.domain.Violation;
import com.ticketbounty.identity.domain.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A reset link is used: the token is spent (once, within its 10 minutes), the password replaced,
 * every session of the account ended, {@code app/account.password-changed} published — all in one
 * transaction — and the caller is signed in with a fresh session.
 */
public final class ResetPassword {
  static final String TOKEN = "token";
  static final String PASSWORD = "password";

  private final Users users;
  private final ResetTokens resetTokens;
  private final PasswordHasher hasher;
  private final SessionStarts sessionStarts;
  private final SessionEnds sessionEnds;
  private final IdentityEvents events;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public ResetPassword(
      Users users,
      ResetTokens resetTokens,
      PasswordHasher hasher,
      SessionStarts sessionStarts,
      SessionEnds sessionEnds,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.users = users;
    this.resetTokens = resetTokens;
    this.hasher = hasher;
    this.sessionStarts = sessionStarts;
    this.sessionEnds = sessionEnds;
    this.events = events;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  public Mono<SignedIn> reset(
      @Nullable String token, @Nullable String password, String clientAddress) {
    return Mono.fromCallable(() -> check(token, password))
        .flatMap(chosen -> hashIfUsable(SecretToken.hashOf(token), chosen))
        .flatMap(
            hash ->
                unitOfWork.inTransaction(
                    resetTokens
                        .redeem(SecretToken.hashOf(token), clock.instant())
                        // Used by a request racing this one since it was checked.
                        .switchIfEmpty(Mono.error(ResetPassword::brokenToken))
                        .flatMap(users::withId)
                        // An account that no longer exists resets nothing: the same answer.
                        .switchIfEmpty(Mono.error(ResetPassword::brokenToken))
                        .flatMap(user -> replace(user, hash, clientAddress))))
        .flatMap(sessionStarts::signIn);
  }

  /**
   * Hashes the new password only for a token that can still be used: a guessed or spent token costs
   * one lookup, never Argon2's work. Hashed outside the transaction, which then holds no connection
   * while Argon2 works; the token is used up inside it.
   */
  private Mono<String> hashIfUsable(String tokenHash, PlainPassword chosen) {
    return resetTokens
        .usableFor(tokenHash, clock.instant())
        .switchIfEmpty(Mono.error(ResetPassword::brokenToken))
        .then(Mono.defer(() -> hasher.hash(chosen)));
  }

  private static PlainPassword check(@Nullable String token, @Nullable String password) {
    Violations violations = new Violations();
    violations.require(token != null && !token.isBlank(), TOKEN, "is required");
    PlainPassword chosen = violations.collect(() -> PlainPassword.chosen(password, PASSWORD));
    violations.throwIfAny();
    return chosen;
  }

  private Mono<NewSession> replace(User user, String hash, String clientAddress) {
    Instant now = clock.instant();
    User changed = user.withPasswordHash(hash, now);
    return users
        .update(changed, user.version())
        .then(sessionEnds.endAllOf(user.id(), SessionEndReason.PASSWORD_RESET))
        .then(
            Mono.defer(
                () ->
                    events.passwordChanged(
                        new PasswordChanged(
                            user.id(), user.email().value(), "reset", changed.updatedAt()))))
        .then(
            Mono.defer(
                () ->
                    audit.record(
                        AuditEntry.of(
                            AuditAction.PASSWORD_RESET_COMPLETED,
                            user.id(),
                            clientAddress,
                            null,
                            now))))
        .then(Mono.defer(() -> sessionStarts.start(changed)));
  }

  /** The token is unknown, spent or expired: one answer for all three. */
  private static BrokenRulesException brokenToken() {
    return new BrokenRulesException(List.of(new Violation(TOKEN, "is invalid or has expired")));
  }
}
