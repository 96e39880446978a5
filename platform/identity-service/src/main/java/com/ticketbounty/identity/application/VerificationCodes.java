package com.ticketbounty.identity.application;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The live e-mail verification code of each account, known only by its hash. */
public interface VerificationCodes {

  /** Makes {@code codeHash} the account's only code, with no wrong tries counted. */
  Mono<Void> replace(UUID userId, String codeHash, Instant expiresAt);

  /**
   * Uses the code up if it is the account's and not expired at {@code now}.
   *
   * @return whether it was
   */
  Mono<Boolean> redeem(UUID userId, String codeHash, Instant now);

  /**
   * Counts a wrong try against the account's code, and drops the code once {@code allowed} wrong
   * tries have been made.
   */
  Mono<Void> countWrongTry(UUID userId, int allowed);
}
