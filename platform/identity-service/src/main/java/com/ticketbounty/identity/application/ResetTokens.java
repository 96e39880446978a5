package com.ticketbounty.identity.application;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Password-reset tokens, known only by their hashes. */
public interface ResetTokens {

  Mono<Void> add(String tokenHash, UUID userId, Instant createdAt, Instant expiresAt);

  /**
   * The account the token resets, if it is unused and not expired at {@code now}; does not use it
   * up.
   */
  Mono<UUID> usableFor(String tokenHash, Instant now);

  /**
   * Uses the token up, if it is unused and not expired at {@code now}: a second redemption finds
   * nothing.
   *
   * @return the account it resets, or empty
   */
  Mono<UUID> redeem(String tokenHash, Instant now);
}
