package com.ticketbounty.comment.application;

import com.ticketbounty.events.comment.CommentDeleted;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The author deletes a comment; the deletion and {@code app/comment.deleted} commit together. */
public final class DeleteComment {
  private final Comments comments;
  private final CommentEvents events;
  private final UnitOfWork unitOfWork;

  public DeleteComment(Comments comments, CommentEvents events, UnitOfWork unitOfWork) {
    this.comments = comments;
    this.events = events;
    this.unitOfWork = unitOfWork;
  }

  /**
   * @return completes once deleted; an error {@link CommentNotFoundException} or {@link
   *     com.ticketbounty.comment.domain.NotTheAuthorException}
   */
  public Mono<Void> delete(UUID commentId, UUID userId) {
    return unitOfWork.inTransaction(
        comments
            .withIdForChange(commentId)
            .switchIfEmpty(Mono.error(() -> new CommentNotFoundException(commentId)))
            .flatMap(
                comment -> {
                  comment.checkAuthor(userId);
                  return comments
                      .remove(commentId)
                      .then(
                          Mono.defer(
                              () ->
                                  events.deleted(
                                      new CommentDeleted(
                                          comment.id(), comment.ticketId(), userId))));
                }));
  }
}
