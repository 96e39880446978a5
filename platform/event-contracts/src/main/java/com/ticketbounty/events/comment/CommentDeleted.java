package com.ticketbounty.events.comment;

import com.ticketbounty.eventruntime.EventType;
import java.util.Objects;
import java.util.UUID;

/**
 * A comment was deleted by its author.
 *
 * @param commentId the comment
 * @param ticketId the ticket it was on
 * @param authorId its author
 */
@EventType(name = CommentDeleted.NAME, version = "1.0")
public record CommentDeleted(UUID commentId, UUID ticketId, UUID authorId) {
  public static final String NAME = "app/comment.deleted";

  public CommentDeleted {
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(authorId, "authorId");
  }
}
