package com.ticketbounty.identity.application;

import com.ticketbounty.identity.application.SessionStarts.NewSession;
import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.EmailAddress;
import com.ticketbounty.identity.domain.PlainPassword;
import com.ticketbounty.identity.domain.User;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Someone signs in with e-mail and password. Every failure — an unknown address, a wrong password,
 * text that is no address at all — is the same {@link NotAuthenticatedException} after the same
 * work (an unknown account is checked against a dummy hash), so neither the answer nor its timing
 * tells whether an account exists. A hash made with weaker parameters than today's is replaced by a
 * new hash of the password just proven, in the sign-in's transaction.
 */
public final class SignIn {
  public static final String FAILURE = "The e-mail address or the password is wrong.";

  private final Users users;
  private final PasswordHasher hasher;
  private final SessionStarts sessionStarts;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public SignIn(
      Users users,
      PasswordHasher hasher,
      SessionStarts sessionStarts,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.sessionStarts = sessionStarts;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  public Mono<SignedIn> signIn(
      @Nullable String email, @Nullable String password, String clientAddress) {
    PlainPassword presented = PlainPassword.presented(password);
    Mono<Optional<User>> account =
        Mono.justOrEmpty(EmailAddress.lookup(email))
            .flatMap(users::withEmail)
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty());
    return account.flatMap(
        user ->
            hasher
                .matches(presented, user.map(User::passwordHash).orElse(null))
                .flatMap(
                    matches ->
                        matches && user.isPresent()
                            ? succeed(user.get(), presented, clientAddress)
                            : fail(user.map(User::id).orElse(null), clientAddress)));
  }

  private Mono<SignedIn> succeed(User user, PlainPassword proven, String clientAddress) {
    return currentHash(user, proven)
        .flatMap(hash -> unitOfWork.inTransaction(start(user, hash, clientAddress)))
        .flatMap(sessionStarts::signIn);
  }

  /**
   * The stored hash, or a new hash of the proven password when the stored one is outdated; hashed
   * before the transaction, which then holds no connection while Argon2 works.
   */
  private Mono<String> currentHash(User user, PlainPassword proven) {
    return hasher.isOutdated(user.passwordHash())
        ? hasher.hash(proven)
        : Mono.just(user.passwordHash());
  }

  private Mono<NewSession> start(User user, String hash, String clientAddress) {
    Mono<Boolean> upgrade =
        hash.equals(user.passwordHash())
            ? Mono.just(false)
            : users.upgradePasswordHash(user.id(), user.passwordHash(), hash);
    return upgrade
        .then(sessionStarts.start(user))
        .flatMap(
            started -> record(AuditAction.SIGNED_IN, user.id(), clientAddress).thenReturn(started));
  }

  private Mono<SignedIn> fail(@Nullable UUID userId, String clientAddress) {
    return unitOfWork
        .inTransaction(record(AuditAction.SIGN_IN_FAILED, userId, clientAddress))
        .then(Mono.error(new NotAuthenticatedException(FAILURE)));
  }

  private Mono<Void> record(AuditAction action, @Nullable UUID userId, String clientAddress) {
    return audit.record(AuditEntry.of(action, userId, clientAddress, null, clock.instant()));
  }
}
