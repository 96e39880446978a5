package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.AdminEmails;
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
 * account's address counts as verified; an address of {@code ADMIN_EMAILS} makes the account an
 * ADMIN then (never at sign-up: only now is the address known to be the account's). The changed
 * account, one version on, is published as {@code app/account.profile-updated} in the same
 * transaction, with the audit rows; tokens signed from then on (sign-in, refresh) carry the role,
 * while those signed before keep theirs until they expire. A second proof that changes nothing
 * stores and publishes nothing. A wrong or expired code is a broken rule on {@code code}. Every try
 * is counted against the account before the code is compared (and committed, though the answer is a
 * refusal); after {@link VerificationCode#WRONG_TRIES_ALLOWED} wrong tries the code is dropped and
 * no code is compared — a new one neither — until {@link VerificationCode#TRIES_WINDOW} after the
 * first try. A success forgets the count.
 */
public final class VerifyEmail {
  static final String REFUSED =
      "is wrong or has expired (after %d wrong tries no code works until %d hours after the"
              .formatted(
                  VerificationCode.WRONG_TRIES_ALLOWED, VerificationCode.TRIES_WINDOW.toHours())
          + " first; then ask for a new one)";

  private final Users users;
  private final VerificationCodes codes;
  private final IdentityEvents events;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final AdminEmails adminEmails;
  private final Clock clock;

  public VerifyEmail(
      Users users,
      VerificationCodes codes,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      AdminEmails adminEmails,
      Clock clock) {
    this.users = users;
    this.codes = codes;
    this.events = events;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.adminEmails = adminEmails;
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
    Instant now = clock.instant();
    User verified = user.verified(now, adminEmails);
    Mono<Void> verifiedAudit = record(AuditAction.EMAIL_VERIFIED, user, null, now, clientAddress);
    if (verified == user) {
      return verifiedAudit;
    }
    return users
        .update(verified, user.version())
        .then(Mono.defer(() -> events.profileUpdated(UpdateProfile.event(verified))))
        .then(verifiedAudit)
        .then(roleGranted(user, verified, now, clientAddress));
  }

  private Mono<Void> roleGranted(User before, User after, Instant now, String clientAddress) {
    return after.role() == before.role()
        ? Mono.empty()
        : record(AuditAction.ROLE_GRANTED, after, after.role().name(), now, clientAddress);
  }

  private Mono<Void> record(
      AuditAction action, User user, @Nullable String detail, Instant now, String clientAddress) {
    return Mono.defer(
        () -> audit.record(AuditEntry.of(action, user.id(), clientAddress, detail, now)));
  }

  private static BrokenRulesException broken(String message) {
    return new BrokenRulesException(List.of(new Violation(VerificationCode.FIELD, message)));
  }
}
