package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.RefreshToken;
import com.ticketbounty.identity.domain.Session;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Signed-in sessions and their refresh tokens. Reads meant for a change lock the session until the
 * transaction ends, so that refreshes of one session — with one token or with several — happen one
 * after the other, each seeing what the one before it committed.
 */
public interface Sessions {

  /** Stores a new session with its first refresh token. */
  Mono<Void> add(Session session, RefreshToken first);

  /**
   * The refresh token with this hash and its session, the session locked; the token read after the
   * lock was granted, so it is as the last refresh left it.
   */
  Mono<Presented> lockedByRefreshTokenHash(String hash);

  /** Stores another refresh token of its session. */
  Mono<Void> addRefreshToken(RefreshToken token);

  /** Stores that the token was spent. */
  Mono<Void> spend(RefreshToken spent);

  Mono<Session> lockedById(UUID id);

  /** The sessions of an account that have not ended, locked. */
  Flux<Session> lockedLiveOf(UUID userId);

  /** Stores the end of an ended session. */
  Mono<Void> end(Session ended);

  /** Whether the session has ended (an unknown session counts as ended). */
  Mono<Boolean> hasEnded(UUID id);

  /** A refresh token as a caller presented it, with the session it belongs to. */
  record Presented(Session session, RefreshToken token) {}
}
