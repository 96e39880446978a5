package com.ticketbounty.identity.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions and their refresh tokens last.
 *
 * @param absoluteLifetime counted from sign-in: no refresh after it, whatever the tokens say
 * @param refreshTokenLifetime of each refresh token from its issue, never past the session's end
 * @param reuseGrace how long after a refresh token was spent it still buys a new pair instead of
 *     ending the session: two tabs that refresh with one token at once both go on
 */
public record SessionPolicy(
    Duration absoluteLifetime, Duration refreshTokenLifetime, Duration reuseGrace) {
  /** Longer, and a thief who copied a token would have that long to use it unnoticed. */
  public static final Duration MAX_REUSE_GRACE = Duration.ofMinutes(1);

  public static final SessionPolicy DEFAULT =
      new SessionPolicy(Duration.ofDays(30), Lifetimes.REFRESH_TOKEN, Duration.ofSeconds(10));

  public SessionPolicy {
    Objects.requireNonNull(absoluteLifetime, "absoluteLifetime");
    Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
    Objects.requireNonNull(reuseGrace, "reuseGrace");
    if (absoluteLifetime.isNegative() || absoluteLifetime.isZero()) {
      throw new IllegalArgumentException(
          "a session's absolute lifetime must be positive, not %s".formatted(absoluteLifetime));
    }
    if (refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
      throw new IllegalArgumentException(
          "a refresh token's lifetime must be positive, not %s".formatted(refreshTokenLifetime));
    }
    if (reuseGrace.isNegative() || reuseGrace.compareTo(MAX_REUSE_GRACE) > 0) {
      throw new IllegalArgumentException(
          "the refresh grace window must be 0 to %s, not %s"
              .formatted(MAX_REUSE_GRACE, reuseGrace));
    }
  }
}
