package com.ticketbounty.identity.adapter.out.persistence;

import com.ticketbounty.serviceweb.security.EndedSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * service-web's {@link EndedSessions} answered from identity's own {@code sessions} table, the
 * source of truth: a session is refused from the moment its end commits, without waiting for {@code
 * app/auth.session-ended} to come back through the broker. An ended session never comes back, so a
 * positive answer is remembered; an unknown session id counts as ended (identity never signed a
 * token for it).
 */
public final class SessionsTableEndedSessions implements EndedSessions {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  // Ended sessions remembered in memory at most; past that the table is asked again.
  private static final int REMEMBERED = 100_000;

  private final R2dbcSessions sessions;
  private final Set<UUID> ended = ConcurrentHashMap.newKeySet();

  public SessionsTableEndedSessions(R2dbcSessions sessions) {
    this.sessions = sessions;
  }

  /** Blocking: service-web calls it off the event loop. */
  @Override
  public boolean hasEnded(UUID sessionId) {
    if (ended.contains(sessionId)) {
      return true;
    }
    boolean answer = Boolean.TRUE.equals(sessions.hasEnded(sessionId).block(TIMEOUT));
    if (answer) {
      if (ended.size() >= REMEMBERED) {
        ended.clear();
      }
      ended.add(sessionId);
    }
    return answer;
  }

  /** Nothing to do: the use case that ended the session wrote the table. */
  @Override
  public void end(UUID sessionId, Instant keepUntil) {}
}
