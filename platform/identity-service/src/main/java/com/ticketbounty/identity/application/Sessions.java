package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.Session;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Signed-in sessions. Reads meant for a change lock the session until the transaction ends, so two
 * requests cannot both exchange one refresh token.
 */
public interface Sessions {

  Mono<Void> add(Session session);

  /** The session whose current refresh token has this hash, locked. */
  Mono<Session> lockedByRefreshTokenHash(String hash);

  /** The session that already exchanged a refresh token with this hash. */
  Mono<Session> bySpentRefreshTokenHash(String hash);

  Mono<Session> lockedById(UUID id);

  /** The live sessions of an account, locked. */
  Flux<Session> lockedLiveOf(UUID userId);

  /** Stores {@code rotated} and remembers {@code spentHash} as spent by it. */
  Mono<Void> rotate(Session rotated, String spentHash, Instant spentAt);

  /** Stores the end of an ended session. */
  Mono<Void> end(Session ended);

  /** Whether the session has ended (an unknown session counts as ended). */
  Mono<Boolean> hasEnded(UUID id);
}
