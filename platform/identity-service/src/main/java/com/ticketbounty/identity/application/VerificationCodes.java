package com.ticketbounty.identity.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The live e-mail verification code of each account, known only by its hash, and the account's
 * tries at it.
 */
public interface VerificationCodes {

  /** Makes {@code codeHash} the account's only code; the tries counted so far stay counted. */
  Mono<Void> replace(UUID userId, String codeHash, Instant expiresAt);

  /**
   * Uses the code up if it is the account's and not expired at {@code now}.
   *
   * @return whether it was
   */
  Mono<Boolean> redeem(UUID userId, String codeHash, Instant now);

  /** Drops the account's code, if it has one. */
  Mono<Void> discard(UUID userId);

  /**
   * Counts a try at the account's code, atomically, and holds the count locked until the
   * transaction ends, so that tries racing each other are counted one after the other. A count
   * lasts {@code window} from the first try it counted; a try after that starts a new count.
   *
   * @return the tries counted in the current window, this one included
   */
  Mono<Integer> countTry(UUID userId, Instant now, Duration window);

  /** Forgets the account's tries (after a successful verification). */
  Mono<Void> forgetTries(UUID userId);
}
