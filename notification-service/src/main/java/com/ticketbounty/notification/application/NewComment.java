package com.ticketbounty.notification.application;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A comment just posted, as {@code app/comment.posted} describes it.
 *
 * @param commentId the comment
 * @param ticketId the ticket it is on
 * @param ownerId the ticket's owner
 * @param authorId who wrote it
 * @param content what it says
 * @param postedAt when
 */
public record NewComment(
    UUID commentId, UUID ticketId, UUID ownerId, UUID authorId, String content, Instant postedAt) {
  public NewComment {
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(postedAt, "postedAt");
  }
}
