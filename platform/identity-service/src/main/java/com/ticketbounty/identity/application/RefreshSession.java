package com.ticketbounty.identity.application;

import com.ticketbounty.identity.application.SessionStarts.NewSession;
import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.SecretToken;
import com.ticketbounty.identity.domain.Session;
import com.ticketbounty.identity.domain.SessionEndReason;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A refresh token buys a new access token and the session's next refresh token; the presented one
 * is spent. Presenting a spent token again means two parties hold it — one of them a thief — so it
 * ends the session (committed even though the answer is 401).
 */
public final class RefreshSession {
  public static final String FAILURE = "The refresh token is not valid.";

  private final Sessions sessions;
  private final Users users;
  private final SessionStarts sessionStarts;
  private final SessionEnds sessionEnds;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final SecureRandom random;
  private final Clock clock;

  public RefreshSession(
      Sessions sessions,
      Users users,
      SessionStarts sessionStarts,
      SessionEnds sessionEnds,
      AuditLog audit,
      UnitOfWork unitOfWork,
      SecureRandom random,
      Clock clock) {
    this.sessions = sessions;
    this.users = users;
    this.sessionStarts = sessionStarts;
    this.sessionEnds = sessionEnds;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.random = random;
    this.clock = clock;
  }

  public Mono<SignedIn> refresh(@Nullable String refreshToken, String clientAddress) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return Mono.error(new NotAuthenticatedException(FAILURE));
    }
    String hash = SecretToken.hashOf(refreshToken);
    return unitOfWork
        .inTransaction(
            sessions
                .lockedByRefreshTokenHash(hash)
                .flatMap(session -> rotate(session, hash))
                .map(Optional::of)
                .switchIfEmpty(Mono.defer(() -> refuseReuse(hash, clientAddress))))
        .flatMap(
            rotated ->
                rotated
                    .map(sessionStarts::signIn)
                    .orElseGet(() -> Mono.error(new NotAuthenticatedException(FAILURE))));
  }

  private Mono<NewSession> rotate(Session session, String spentHash) {
    Instant now = clock.instant();
    if (!session.canRefresh(now)) {
      return Mono.empty();
    }
    SecretToken next = SecretToken.generate(random);
    Session rotated = session.rotated(next, now);
    return sessions
        .rotate(rotated, spentHash, now)
        .then(users.withId(session.userId()))
        .map(user -> new NewSession(user, rotated, next));
  }

  /** Ends the session a spent token belonged to; answers empty either way. */
  private Mono<Optional<NewSession>> refuseReuse(String hash, String clientAddress) {
    return sessions
        .bySpentRefreshTokenHash(hash)
        .flatMap(spent -> sessions.lockedById(spent.id()))
        .filter(session -> !session.isEnded())
        .flatMap(
            session ->
                sessionEnds
                    .end(session, SessionEndReason.REFRESH_TOKEN_REUSED)
                    .then(
                        audit.record(
                            AuditEntry.of(
                                AuditAction.REFRESH_TOKEN_REUSED,
                                session.userId(),
                                clientAddress,
                                "session " + session.id(),
                                clock.instant()))))
        .thenReturn(Optional.empty());
  }
}
