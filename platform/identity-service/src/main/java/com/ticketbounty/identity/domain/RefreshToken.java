package com.ticketbounty.identity.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One refresh token a session gave out, known by its hash: live until it is spent on a refresh or
 * expires. A session may hold several live ones — two tabs that refreshed with one token at once
 * each got their own — and each of them refreshes on its own.
 */
public final class RefreshToken {
  private final String hash;
  private final UUID sessionId;
  private final Instant expiresAt;
  private final @Nullable Instant spentAt;

  /** What presenting a refresh token at a given moment means. */
  public enum Presentation {
    /** Live and unexpired: spend it and give the next one. */
    FIRST_USE,
    /** Spent within the grace window (another tab refreshing at once): give another next one. */
    WITHIN_GRACE,
    /** Spent longer ago: two parties hold it, one of them may be a thief; end the session. */
    REUSE,
    /** Expired, or its session is over: refuse, and nothing else. */
    REFUSED
  }

  private RefreshToken(String hash, UUID sessionId, Instant expiresAt, @Nullable Instant spentAt) {
    this.hash = Objects.requireNonNull(hash, "hash");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.spentAt = spentAt;
  }

  /**
   * A new token of {@code session}: valid for the policy's token lifetime, but never past the end
   * of the session's absolute lifetime.
   */
  public static RefreshToken issue(
      SecretToken token, Session session, Instant now, SessionPolicy policy) {
    Instant full = now.truncatedTo(ChronoUnit.MICROS).plus(policy.refreshTokenLifetime());
    Instant sessionEnd = session.expiresAt(policy);
    return new RefreshToken(
        token.hash(), session.id(), full.isBefore(sessionEnd) ? full : sessionEnd, null);
  }

  public static RefreshToken restore(
      String hash, UUID sessionId, Instant expiresAt, @Nullable Instant spentAt) {
    return new RefreshToken(hash, sessionId, expiresAt, spentAt);
  }

  /** What presenting it at {@code now} means for {@code session}, the session it belongs to. */
  public Presentation presented(Session session, Instant now, SessionPolicy policy) {
    if (!session.id().equals(sessionId)) {
      throw new IllegalArgumentException(
          "token of session %s presented for %s".formatted(sessionId, session.id()));
    }
    if (!session.isLive(now, policy)) {
      return Presentation.REFUSED;
    }
    if (spentAt == null) {
      return now.isBefore(expiresAt) ? Presentation.FIRST_USE : Presentation.REFUSED;
    }
    return now.isBefore(spentAt.plus(policy.reuseGrace()))
        ? Presentation.WITHIN_GRACE
        : Presentation.REUSE;
  }

  /** The token spent now; a spent token keeps its first spending, which the grace counts from. */
  public RefreshToken spent(Instant now) {
    if (spentAt != null) {
      return this;
    }
    return new RefreshToken(hash, sessionId, expiresAt, now.truncatedTo(ChronoUnit.MICROS));
  }

  public String hash() {
    return hash;
  }

  public UUID sessionId() {
    return sessionId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> spentAt() {
    return Optional.ofNullable(spentAt);
  }

  @Override
  public String toString() {
    return "RefreshToken[session " + sessionId + (spentAt == null ? "" : ", spent") + "]";
  }
}
