package com.ticketbounty.identity.application;

import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import com.ticketbounty.identity.application.SessionStarts.NewSession;
import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.User;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Someone signs up: the account, its first session, {@code app/account.created}, the welcome
 * e-mail's event and the audit row commit together; then the caller is signed in. Every new account
 * is a USER, also one with an address of {@code ADMIN_EMAILS}: the role waits for the address to be
 * proven ({@link VerifyEmail}).
 */
public final class SignUp {
  private final Users users;
  private final PasswordHasher hasher;
  private final SessionStarts sessionStarts;
  private final IdentityEvents events;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public SignUp(
      Users users,
      PasswordHasher hasher,
      SessionStarts sessionStarts,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.sessionStarts = sessionStarts;
    this.events = events;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  public Mono<SignedIn> signUp(SignUpCommand command, String clientAddress) {
    UUID id = UUID.randomUUID();
    return hasher
        .hash(command.password())
        .map(hash -> User.signUp(id, command.username(), command.email(), hash, clock.instant()))
        .flatMap(user -> unitOfWork.inTransaction(create(user, clientAddress)))
        .flatMap(sessionStarts::signIn);
  }

  private Mono<NewSession> create(User user, String clientAddress) {
    return users
        .taken(user.email(), user.username(), user.id())
        .flatMap(
            taken ->
                taken.isEmpty() ? users.add(user) : Mono.error(new AccountTakenException(taken)))
        .then(Mono.defer(() -> events.accountCreated(created(user))))
        .then(Mono.defer(() -> events.welcomeEmailRequested(welcome(user))))
        .then(
            Mono.defer(
                () ->
                    audit.record(
                        AuditEntry.of(
                            AuditAction.SIGNED_UP,
                            user.id(),
                            clientAddress,
                            null,
                            user.createdAt()))))
        .then(Mono.defer(() -> sessionStarts.start(user)));
  }

  private static AccountCreated created(User user) {
    return new AccountCreated(
        user.id(),
        user.username().value(),
        user.email().value(),
        user.role().name(),
        user.preference().wireName(),
        user.version(),
        user.createdAt());
  }

  private static WelcomeEmailRequested welcome(User user) {
    return new WelcomeEmailRequested(user.id(), user.email().value(), user.username().value());
  }
}
