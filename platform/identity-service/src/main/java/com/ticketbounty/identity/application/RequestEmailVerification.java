package com.ticketbounty.identity.application;

import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.identity.domain.Lifetimes;
import com.ticketbounty.identity.domain.User;
import com.ticketbounty.identity.domain.VerificationCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The signed-in user asks for a verification code: a new 8-letter code replaces any earlier one, is
 * stored hashed, works for {@link Lifetimes#VERIFICATION_CODE} and goes out as the sensitive field
 * of {@code app/auth.send-email-verification-code-function}. The account's count of wrong tries is
 * not reset by a new code (see {@link VerifyEmail}): otherwise asking again would buy five more
 * guesses each time.
 */
public final class RequestEmailVerification {
  private final Users users;
  private final VerificationCodes codes;
  private final IdentityEvents events;
  private final UnitOfWork unitOfWork;
  private final SecureRandom random;
  private final Clock clock;

  public RequestEmailVerification(
      Users users,
      VerificationCodes codes,
      IdentityEvents events,
      UnitOfWork unitOfWork,
      SecureRandom random,
      Clock clock) {
    this.users = users;
    this.codes = codes;
    this.events = events;
    this.unitOfWork = unitOfWork;
    this.random = random;
    this.clock = clock;
  }

  public Mono<Void> request(UUID userId) {
    return unitOfWork.inTransaction(
        users
            .withId(userId)
            .switchIfEmpty(Mono.error(() -> new NotAuthenticatedException("No such account.")))
            .flatMap(this::issue));
  }

  private Mono<Void> issue(User user) {
    Instant expiresAt =
        clock.instant().truncatedTo(ChronoUnit.MICROS).plus(Lifetimes.VERIFICATION_CODE);
    VerificationCode code = VerificationCode.generate(random);
    return codes
        .replace(user.id(), code.hashFor(user.id()), expiresAt)
        .then(
            Mono.defer(
                () ->
                    events.verificationCodeRequested(
                        new EmailVerificationCodeRequested(
                            user.id(),
                            user.email().value(),
                            user.username().value(),
                            code.reveal(),
                            expiresAt))));
  }
}
