package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.BrokenRulesException;
import com.ticketbounty.identity.domain.User;
import com.ticketbounty.identity.domain.VerificationCode;
import com.ticketbounty.identity.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The signed-in user types the code they were e-mailed: a right, unexpired code is used up and the
 * account's address counts as verified. A wrong or expired code is a broken rule on {@code code}.
 * Every try is counted against the account before the code is compared (and committed, though the
 * answer is a refusal); after {@link VerificationCode#WRONG_TRIES_ALLOWED} wrong tries the code is
 * dropped and no code is compared — a new one neither — until {@link VerificationCode#TRIES_WINDOW}
 * after the first try. A success forgets the count.
 */
public final class VerifyEmail {
  static final String REFUSED =
      "is wrong or has expired (after %d wrong tries no code works until %d hours after the"
              .formatted(
                  VerificationCode.WRONG_TRIES_ALLOWED, VerificationCode.TRIES_WINDOW.toHours())
          + " first; then ask for a new one)";

  private final Users users;
  private final VerificationCodes codes;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public VerifyEmail(
      Users users, VerificationCodes codes, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.users = users;
    this.codes = codes;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  public Mono<Void> verify(UUID userId, @Nullable String code, String clientAddress) {
    if (code == null || code.isBlank()) {
      return Mono.error(broken("is required"));
    }
    Instant now = clock.instant();
    return unitOfWork
        .inTransaction(
            codes
                .countTry(userId, now, VerificationCode.TRIES_WINDOW)
                .flatMap(
                    tries ->
                        tries > VerificationCode.WRONG_TRIES_ALLOWED
                            ? Mono.just(false)
                            : compare(userId, code, now, tries, clientAddress)))
        .flatMap(verified -> verified ? Mono.<Void>empty() : Mono.error(broken(REFUSED)));
  }

  private Mono<Boolean> compare(
      UUID userId, String code, Instant now, int tries, String clientAddress) {
    return codes
        .redeem(userId, VerificationCode.hashOf(userId, code), now)
        .flatMap(
            redeemed ->
                redeemed
                    ? succeed(userId, clientAddress)
                    : tries == VerificationCode.WRONG_TRIES_ALLOWED
                        ? codes.discard(userId).thenReturn(false)
                        : Mono.just(false));
  }

  private Mono<Boolean> succeed(UUID userId, String clientAddress) {
    return users
        .withId(userId)
        .flatMap(user -> markVerified(user, clientAddress))
        .then(codes.forgetTries(userId))
        .thenReturn(true);
  }

  private Mono<Void> markVerified(User user, String clientAddress) {
    User verified = user.verified(clock.instant());
    return users
        .update(verified, user.version())
        .then(
            audit.record(
                AuditEntry.of(
                    AuditAction.EMAIL_VERIFIED,
                    user.id(),
                    clientAddress,
                    null,
                    verified.updatedAt())));
  }

  private static BrokenRulesException broken(String message) {
    return new BrokenRulesException(List.of(new Violation(VerificationCode.FIELD, message)));
  }
}
