package com.ticketbounty.identity.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A signed-in session: the access tokens issued for it carry its id, and its current refresh token
 * (stored as a hash, valid {@link Lifetimes#REFRESH_TOKEN}) gets the next one. Once ended it stays
 * ended, and every token of it is refused.
 */
public final class Session {
  private final UUID id;
  private final UUID userId;
  private final String refreshTokenHash;
  private final Instant refreshExpiresAt;
  private final Instant createdAt;
  private final @Nullable Instant endedAt;
  private final @Nullable SessionEndReason endReason;

  private Session(
      UUID id,
      UUID userId,
      String refreshTokenHash,
      Instant refreshExpiresAt,
      Instant createdAt,
      @Nullable Instant endedAt,
      @Nullable SessionEndReason endReason) {
    this.id = Objects.requireNonNull(id, "id");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.refreshTokenHash = Objects.requireNonNull(refreshTokenHash, "refreshTokenHash");
    this.refreshExpiresAt = Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    if ((endedAt == null) != (endReason == null)) {
      throw new IllegalArgumentException("an ended session has both an end time and a reason");
    }
    this.endedAt = endedAt;
    this.endReason = endReason;
  }

  /** A new session of {@code userId} whose first refresh token is {@code refreshToken}. */
  public static Session start(UUID id, UUID userId, SecretToken refreshToken, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    return new Session(
        id, userId, refreshToken.hash(), at.plus(Lifetimes.REFRESH_TOKEN), at, null, null);
  }

  public static Session restore(
      UUID id,
      UUID userId,
      String refreshTokenHash,
      Instant refreshExpiresAt,
      Instant createdAt,
      @Nullable Instant endedAt,
      @Nullable SessionEndReason endReason) {
    return new Session(
        id, userId, refreshTokenHash, refreshExpiresAt, createdAt, endedAt, endReason);
  }

  /** Whether its current refresh token may still be exchanged at {@code now}. */
  public boolean canRefresh(Instant now) {
    return endedAt == null && now.isBefore(refreshExpiresAt);
  }

  /** The session with {@code next} as its refresh token, valid for a full period from now. */
  public Session rotated(SecretToken next, Instant now) {
    if (endedAt != null) {
      throw new IllegalStateException("an ended session gets no new refresh token");
    }
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    return new Session(
        id, userId, next.hash(), at.plus(Lifetimes.REFRESH_TOKEN), createdAt, null, null);
  }

  /** The session ended now for {@code reason}; an ended session keeps its first end. */
  public Session ended(SessionEndReason reason, Instant now) {
    if (endedAt != null) {
      return this;
    }
    return new Session(
        id,
        userId,
        refreshTokenHash,
        refreshExpiresAt,
        createdAt,
        now.truncatedTo(ChronoUnit.MICROS),
        reason);
  }

  /** When the last access token issued for it stops working, counted from its end. */
  public Optional<Instant> tokensValidUntil() {
    return endedAt().map(end -> end.plus(Lifetimes.ACCESS_TOKEN));
  }

  public UUID id() {
    return id;
  }

  public UUID userId() {
    return userId;
  }

  public String refreshTokenHash() {
    return refreshTokenHash;
  }

  public Instant refreshExpiresAt() {
    return refreshExpiresAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  public Optional<SessionEndReason> endReason() {
    return Optional.ofNullable(endReason);
  }

  public boolean isEnded() {
    return endedAt != null;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Session session && session.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Session[" + id + (endedAt == null ? "" : ", ended " + endReason) + "]";
  }
}
