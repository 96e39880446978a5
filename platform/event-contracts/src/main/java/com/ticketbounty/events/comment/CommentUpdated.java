package com.ticketbounty.events.comment;

import com.ticketbounty.eventruntime.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A comment's text was edited by its author.
 *
 * @param commentId the comment
 * @param ticketId the ticket it is on
 * @param authorId its author
 * @param content the text now
 * @param updatedAt when
 */
@EventType(name = CommentUpdated.NAME, version = "1.0")
public record CommentUpdated(
    UUID commentId, UUID ticketId, UUID authorId, String content, Instant updatedAt) {
  public static final String NAME = "app/comment.updated";

  public CommentUpdated {
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
