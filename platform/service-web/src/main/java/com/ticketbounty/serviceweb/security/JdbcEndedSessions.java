package com.ticketbounty.serviceweb.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ended sessions in the service's own database, so that every instance of the service refuses a
 * session that one of them heard end (the event reaches one instance of a competing-consumer
 * queue). A session that ended never comes back, so a positive answer is remembered in memory; a
 * negative one is asked again on the next request.
 */
public final class JdbcEndedSessions implements EndedSessions {
  private final JdbcClient jdbc;
  private final Map<UUID, Instant> known = new ConcurrentHashMap<>();

  public JdbcEndedSessions(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public boolean hasEnded(UUID sessionId) {
    if (known.containsKey(sessionId)) {
      return true;
    }
    return jdbc.sql("SELECT keep_until FROM service_web.ended_sessions WHERE session_id = ?")
        .param(sessionId)
        .query(Timestamp.class)
        .optional()
        .map(
            keepUntil -> {
              known.put(sessionId, keepUntil.toInstant());
              return true;
            })
        .orElse(false);
  }

  @Override
  public void end(UUID sessionId, Instant keepUntil) {
    jdbc.sql(
            "INSERT INTO service_web.ended_sessions (session_id, keep_until) VALUES (?, ?)"
                + " ON CONFLICT (session_id) DO NOTHING")
        .param(sessionId)
        .param(Timestamp.from(keepUntil))
        .update();
  }

  /**
   * Forgets sessions whose tokens have all expired, counting the verifier's clock skew: a token is
   * still accepted up to {@link AccessTokenVerifier#CLOCK_SKEW} after its {@code exp}, so its ended
   * session must be remembered that much longer, or it would work again for that last minute.
   */
  public void prune() {
    Instant forgettable = Instant.now().minus(AccessTokenVerifier.CLOCK_SKEW);
    known.values().removeIf(keepUntil -> keepUntil.isBefore(forgettable));
    jdbc.sql("DELETE FROM service_web.ended_sessions WHERE keep_until < ?")
        .param(Timestamp.from(forgettable))
        .update();
  }
}
