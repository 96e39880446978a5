package com.ticketbounty.identity.application;

import com.ticketbounty.identity.application.SessionStarts.NewSession;
import com.ticketbounty.identity.application.Sessions.Presented;
import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.RefreshToken;
import com.ticketbounty.identity.domain.SecretToken;
import com.ticketbounty.identity.domain.Session;
import com.ticketbounty.identity.domain.SessionEndReason;
import com.ticketbounty.identity.domain.SessionPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A refresh token buys a new access token and a new refresh token of the same session; the
 * presented one is spent. Presented again within the grace window (two tabs refreshing at once), it
 * buys another pair of its own and the session stays. Presented again later, two parties hold it —
 * one of them may be a thief — so it ends the session (committed even though the answer is 401).
 * Nothing is refreshed past the session's absolute lifetime.
 */
public final class RefreshSession {
  public static final String FAILURE = "The refresh token is not valid.";

  private final Sessions sessions;
  private final Users users;
  private final SessionStarts sessionStarts;
  private final SessionEnds sessionEnds;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final SessionPolicy policy;
  private final SecureRandom random;
  private final Clock clock;

  public RefreshSession(
      Sessions sessions,
      Users users,
      SessionStarts sessionStarts,
      SessionEnds sessionEnds,
      AuditLog audit,
      UnitOfWork unitOfWork,
      SessionPolicy policy,
      SecureRandom random,
      Clock clock) {
    this.sessions = sessions;
    this.users = users;
    this.sessionStarts = sessionStarts;
    this.sessionEnds = sessionEnds;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.policy = policy;
    this.random = random;
    this.clock = clock;
  }

  public Mono<SignedIn> refresh(@Nullable String refreshToken, String clientAddress) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return Mono.error(new NotAuthenticatedException(FAILURE));
    }
    return unitOfWork
        .inTransaction(
            sessions
                .lockedByRefreshTokenHash(SecretToken.hashOf(refreshToken))
                .flatMap(presented -> answer(presented, clientAddress))
                .defaultIfEmpty(Optional.empty()))
        .flatMap(
            next ->
                next.map(sessionStarts::signIn)
                    .orElseGet(() -> Mono.error(new NotAuthenticatedException(FAILURE))));
  }

  /** The session's next pair, or empty for a refusal (after ending the session on reuse). */
  private Mono<Optional<NewSession>> answer(Presented presented, String clientAddress) {
    Instant now = clock.instant();
    Session session = presented.session();
    RefreshToken token = presented.token();
    return switch (token.presented(session, now, policy)) {
      case FIRST_USE -> sessions.spend(token.spent(now)).then(next(session, now)).map(Optional::of);
      case WITHIN_GRACE -> next(session, now).map(Optional::of);
      case REUSE -> endForReuse(session, clientAddress).thenReturn(Optional.empty());
      case REFUSED -> Mono.just(Optional.empty());
    };
  }

  private Mono<NewSession> next(Session session, Instant now) {
    SecretToken next = SecretToken.generate(random);
    return sessions
        .addRefreshToken(RefreshToken.issue(next, session, now, policy))
        .then(users.withId(session.userId()))
        .map(user -> new NewSession(user, session, next));
  }

  private Mono<Void> endForReuse(Session session, String clientAddress) {
    return sessionEnds
        .end(session, SessionEndReason.REFRESH_TOKEN_REUSED)
        .then(
            audit.record(
                AuditEntry.of(
                    AuditAction.REFRESH_TOKEN_REUSED,
                    session.userId(),
                    clientAddress,
                    "session " + session.id(),
                    clock.instant())));
  }
}
