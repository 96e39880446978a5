package com.ticketbounty.identity.application;

import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.identity.domain.Session;
import com.ticketbounty.identity.domain.SessionEndReason;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Ends sessions and announces each end as {@code app/auth.session-ended}, in the caller's
 * transaction, so that the gateway and every service refuse the session's tokens from then on.
 */
public final class SessionEnds {
  private final Sessions sessions;
  private final IdentityEvents events;
  private final Clock clock;

  public SessionEnds(Sessions sessions, IdentityEvents events, Clock clock) {
    this.sessions = sessions;
    this.events = events;
    this.clock = clock;
  }

  /** Ends {@code session} unless it has ended already. */
  public Mono<Void> end(Session session, SessionEndReason reason) {
    return Mono.defer(
        () -> {
          if (session.isEnded()) {
            return Mono.empty();
          }
          Session ended = session.ended(reason, clock.instant());
          return sessions.end(ended).then(Mono.defer(() -> events.sessionEnded(event(ended))));
        });
  }

  /** Ends every live session of the account. */
  public Mono<Void> endAllOf(UUID userId, SessionEndReason reason) {
    return sessions.lockedLiveOf(userId).concatMap(session -> end(session, reason)).then();
  }

  private static SessionEnded event(Session ended) {
    return new SessionEnded(
        ended.id(),
        ended.userId(),
        ended.endReason().orElseThrow().wireName(),
        ended.endedAt().orElseThrow(),
        ended.tokensValidUntil().orElseThrow());
  }
}
