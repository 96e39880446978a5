package com.ticketbounty.comment.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment on a ticket. Only its author edits or deletes it. The author is absent once the
 * author's account is gone; such a comment can no longer be changed by anyone.
 */
public final class Comment {
  private final UUID id;
  private final UUID ticketId;
  private final @Nullable UUID authorId;
  private final CommentContent content;
  private final Instant createdAt;
  private final Instant updatedAt;

  private Comment(
      UUID id,
      UUID ticketId,
      @Nullable UUID authorId,
      CommentContent content,
      Instant createdAt,
      Instant updatedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
    this.authorId = authorId;
    this.content = Objects.requireNonNull(content, "content");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new comment by {@code authorId}, created and updated now. */
  public static Comment post(
      UUID id, UUID ticketId, UUID authorId, CommentContent content, Clock clock) {
    Objects.requireNonNull(authorId, "authorId");
    Instant now = now(clock);
    return new Comment(id, ticketId, authorId, content, now, now);
  }

  /** A comment as it was stored. */
  public static Comment restore(
      UUID id,
      UUID ticketId,
      @Nullable UUID authorId,
      CommentContent content,
      Instant createdAt,
      Instant updatedAt) {
    return new Comment(id, ticketId, authorId, content, createdAt, updatedAt);
  }

  /**
   * The comment with {@code newContent}, updated now.
   *
   * @return empty when the text is unchanged: an edit that changes nothing is no change
   * @throws NotTheAuthorException unless {@code editorId} wrote it
   */
  public Optional<Comment> editedBy(UUID editorId, CommentContent newContent, Clock clock) {
    checkAuthor(editorId);
    if (newContent.equals(content)) {
      return Optional.empty();
    }
    return Optional.of(new Comment(id, ticketId, authorId, newContent, createdAt, now(clock)));
  }

  /**
   * @throws NotTheAuthorException unless {@code userId} wrote it
   */
  public void checkAuthor(UUID userId) {
    if (!userId.equals(authorId)) {
      throw new NotTheAuthorException(id);
    }
  }

  public UUID id() {
    return id;
  }

  public UUID ticketId() {
    return ticketId;
  }

  public Optional<UUID> authorId() {
    return Optional.ofNullable(authorId);
  }

  public CommentContent content() {
    return content;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public CommentPosition position() {
    return new CommentPosition(createdAt, id);
  }

  // Kept to the microsecond, the precision the store keeps, so that a comment reads back exactly
  // as it was answered and its position (the paging cursor) matches the stored row.
  private static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Comments are the same comment when their ids are equal, whatever changed since. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Comment comment && comment.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Comment[" + id + " on " + ticketId + "]";
  }
}
