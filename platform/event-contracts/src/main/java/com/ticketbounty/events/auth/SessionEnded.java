package com.ticketbounty.events.auth;

import com.ticketbounty.eventruntime.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A session ended (sign-out, password change or reset): from now on its access tokens are refused
 * by the gateway and every service, and its refresh token is spent.
 *
 * @param sessionId the session
 * @param userId its user
 * @param reason {@code sign-out}, {@code password-changed}, {@code password-reset} or {@code
 *     refresh-token-reused}
 * @param endedAt when
 * @param tokensValidUntil when the last access token issued for it expires: the session id need not
 *     be remembered after that
 */
@EventType(name = SessionEnded.NAME, version = "1.0")
public record SessionEnded(
    UUID sessionId, UUID userId, String reason, Instant endedAt, Instant tokensValidUntil) {
  public static final String NAME = "app/auth.session-ended";

  public SessionEnded {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(tokensValidUntil, "tokensValidUntil");
  }
}
