package com.ticketbounty.notification.application;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment as one of comment-service's events describes it.
 *
 * @param commentId the comment
 * @param ticketId the ticket it is on
 * @param authorId who wrote it
 * @param postedAt when it was posted, or null for a deletion
 * @param deleted whether the event is its deletion
 */
public record CommentFacts(
    UUID commentId, UUID ticketId, UUID authorId, @Nullable Instant postedAt, boolean deleted) {
  public CommentFacts {
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(authorId, "authorId");
  }
}
