package com.ticketbounty.identity.application;

import com.ticketbounty.events.password.PasswordResetRequested;
import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.EmailAddress;
import com.ticketbounty.identity.domain.Lifetimes;
import com.ticketbounty.identity.domain.SecretToken;
import com.ticketbounty.identity.domain.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * "Forgot password": for an existing account a reset token is created (stored only as its hash,
 * valid {@link Lifetimes#RESET_TOKEN}) and the link carrying it goes out as the sensitive field of
 * {@code app/password.password-reset-function}. The caller learns nothing either way: the answer is
 * the same whether or not the account exists. Neither the token nor the link is ever logged.
 */
public final class RequestPasswordReset {
  private static final Logger log = LoggerFactory.getLogger(RequestPasswordReset.class);

  private final Users users;
  private final ResetTokens resetTokens;
  private final IdentityEvents events;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final String appBaseUrl;
  private final SecureRandom random;
  private final Clock clock;

  public RequestPasswordReset(
      Users users,
      ResetTokens resetTokens,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      String appBaseUrl,
      SecureRandom random,
      Clock clock) {
    this.users = users;
    this.resetTokens = resetTokens;
    this.events = events;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.appBaseUrl = appBaseUrl.replaceAll("/+$", "");
    this.random = random;
    this.clock = clock;
  }

  /**
   * Completes once the address has been looked up; the token is issued after that on its own, so
   * the answer takes as long for an existing account as for an unknown one and its timing tells
   * nothing either. An issuance that fails is logged and the person asks again (nothing was sent).
   */
  public Mono<Void> request(@Nullable String email, String clientAddress) {
    return Mono.justOrEmpty(EmailAddress.lookup(email))
        .flatMap(users::withEmail)
        .doOnNext(
            user ->
                unitOfWork
                    .inTransaction(issue(user, clientAddress))
                    .subscribe(
                        null,
                        failure ->
                            log.warn(
                                "No reset token was issued for account {}", user.id(), failure)))
        .then();
  }

  private Mono<Void> issue(User user, String clientAddress) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant expiresAt = now.plus(Lifetimes.RESET_TOKEN);
    SecretToken token = SecretToken.generate(random);
    String link = appBaseUrl + "/password-reset/" + token.reveal();
    return resetTokens
        .add(token.hash(), user.id(), now, expiresAt)
        .then(
            Mono.defer(
                () ->
                    events.passwordResetRequested(
                        new PasswordResetRequested(
                            user.id(), user.email().value(), link, expiresAt))))
        .then(
            Mono.defer(
                () ->
                    audit.record(
                        AuditEntry.of(
                            AuditAction.PASSWORD_RESET_REQUESTED,
                            user.id(),
                            clientAddress,
                            null,
                            now))));
  }
}
