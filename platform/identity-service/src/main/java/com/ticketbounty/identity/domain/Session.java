package com.ticketbounty.identity.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A signed-in session: the access tokens issued for it carry its id, and its {@link RefreshToken}s
 * get new ones until the session's absolute lifetime, counted from sign-in, is over. Once ended it
 * stays ended, and every token of it is refused.
 */
public final class Session {
  private final UUID id;
  private final UUID userId;
  private final Instant createdAt;
  private final @Nullable Instant endedAt;
  private final @Nullable SessionEndReason endReason;

  private Session(
      UUID id,
      UUID userId,
      Instant createdAt,
      @Nullable Instant endedAt,
      @Nullable SessionEndReason endReason) {
    this.id = Objects.requireNonNull(id, "id");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    if ((endedAt == null) != (endReason == null)) {
      throw new IllegalArgumentException("an ended session has both an end time and a reason");
    }
    this.endedAt = endedAt;
    this.endReason = endReason;
  }

  /** A new session of {@code userId}, signed in now. */
  public static Session start(UUID id, UUID userId, Instant now) {
    return new Session(id, userId, now.truncatedTo(ChronoUnit.MICROS), null, null);
  }

  public static Session restore(
      UUID id,
      UUID userId,
      Instant createdAt,
      @Nullable Instant endedAt,
      @Nullable SessionEndReason endReason) {
    return new Session(id, userId, createdAt, endedAt, endReason);
  }

  /** When its absolute lifetime is over: no refresh from then on. */
  public Instant expiresAt(SessionPolicy policy) {
    return createdAt.plus(policy.absoluteLifetime());
  }

  /** Whether it may still get new tokens at {@code now}: not ended, and its lifetime not over. */
  public boolean isLive(Instant now, SessionPolicy policy) {
    return endedAt == null && now.isBefore(expiresAt(policy));
  }

  /** The session ended now for {@code reason}; an ended session keeps its first end. */
  public Session ended(SessionEndReason reason, Instant now) {
    if (endedAt != null) {
      return this;
    }
    return new Session(id, userId, createdAt, now.truncatedTo(ChronoUnit.MICROS), reason);
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
