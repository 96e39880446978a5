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
 * account's address counts as verified. A wrong or expired code is a broken rule on {@code code}; a
 * wrong try is counted (and committed, though the answer is a refusal), and after {@link
 * VerificationCode#WRONG_TRIES_ALLOWED} of them the code no longer works: a new one must be asked
 * for.
 */
public final class VerifyEmail {
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
                .redeem(userId, VerificationCode.hashOf(userId, code), now)
                .flatMap(
                    redeemed ->
                        redeemed
                            ? users
                                .withId(userId)
                                .flatMap(user -> markVerified(user, clientAddress))
                                .thenReturn(true)
                            : codes
                                .countWrongTry(userId, VerificationCode.WRONG_TRIES_ALLOWED)
                                .thenReturn(false)))
        .flatMap(
            verified ->
                verified
                    ? Mono.<Void>empty()
                    : Mono.error(
                        broken(
                            "is wrong or has expired (after "
                                + VerificationCode.WRONG_TRIES_ALLOWED
                                + " wrong tries a code stops working; ask for a new one)")));
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
