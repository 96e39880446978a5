package com.ticketbounty.events.comment;

import com.ticketbounty.eventruntime.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A comment was posted on a ticket.
 *
 * @param commentId the comment
 * @param ticketId the ticket it is on
 * @param ticketOwnerId the ticket's owner (to notify unless they wrote it)
 * @param authorId who wrote it
 * @param content the text
 * @param createdAt when
 */
@EventType(name = CommentPosted.NAME, version = "1.0")
public record CommentPosted(
    UUID commentId,
    UUID ticketId,
    UUID ticketOwnerId,
    UUID authorId,
    String content,
    Instant createdAt) {
  public static final String NAME = "app/comment.posted";

  public CommentPosted {
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(ticketOwnerId, "ticketOwnerId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
