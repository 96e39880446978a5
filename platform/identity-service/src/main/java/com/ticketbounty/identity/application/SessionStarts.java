package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.RefreshToken;
import com.ticketbounty.identity.domain.SecretToken;
import com.ticketbounty.identity.domain.Session;
import com.ticketbounty.identity.domain.SessionPolicy;
import com.ticketbounty.identity.domain.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Starts sessions and signs their tokens; shared by every use case that signs someone in. */
public final class SessionStarts {
  private final Sessions sessions;
  private final AccessTokens accessTokens;
  private final SessionPolicy policy;
  private final SecureRandom random;
  private final Clock clock;

  public SessionStarts(
      Sessions sessions,
      AccessTokens accessTokens,
      SessionPolicy policy,
      SecureRandom random,
      Clock clock) {
    this.sessions = sessions;
    this.accessTokens = accessTokens;
    this.policy = policy;
    this.random = random;
    this.clock = clock;
  }

  /** A new session for {@code user}, stored in the caller's transaction. */
  public Mono<NewSession> start(User user) {
    return Mono.defer(
        () -> {
          Instant now = clock.instant();
          SecretToken refreshToken = SecretToken.generate(random);
          Session session = Session.start(UUID.randomUUID(), user.id(), now);
          return sessions
              .add(session, RefreshToken.issue(refreshToken, session, now, policy))
              .thenReturn(new NewSession(user, session, refreshToken));
        });
  }

  /** Signs an access token for the session; called once the session is committed. */
  public Mono<SignedIn> signIn(NewSession started) {
    return accessTokens
        .issue(started.user(), started.session().id())
        .map(token -> new SignedIn(started.user(), token, started.refreshToken()));
  }

  /** A session as stored, with the refresh token only its owner will know. */
  public record NewSession(User user, Session session, SecretToken refreshToken) {}
}
