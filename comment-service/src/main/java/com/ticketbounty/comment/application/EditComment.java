package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.CommentContent;
import com.ticketbounty.events.comment.CommentUpdated;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The author edits a comment's text. The new text and {@code app/comment.updated} are written in
 * one transaction; an edit that leaves the text as it was changes nothing and announces nothing.
 */
public final class EditComment {
  private final Comments comments;
  private final AuthorNames authorNames;
  private final CommentEvents events;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public EditComment(
      Comments comments,
      AuthorNames authorNames,
      CommentEvents events,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.comments = comments;
    this.authorNames = authorNames;
    this.events = events;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /**
   * @param content the new text as the caller sent it
   * @return the comment as it is now; an error {@link CommentNotFoundException}, {@link
   *     com.ticketbounty.comment.domain.NotTheAuthorException} or {@link
   *     com.ticketbounty.comment.domain.BrokenRulesException}
   */
  public Mono<CommentView> edit(UUID commentId, UUID editorId, @Nullable String content) {
    return Mono.fromCallable(() -> CommentContent.of(content))
        .flatMap(
            newContent ->
                unitOfWork.inTransaction(
                    comments
                        .withIdForChange(commentId)
                        .switchIfEmpty(Mono.error(() -> new CommentNotFoundException(commentId)))
                        .flatMap(comment -> change(comment, editorId, newContent))))
        .flatMap(this::named);
  }

  private Mono<Comment> change(Comment comment, UUID editorId, CommentContent newContent) {
    return comment
        .editedBy(editorId, newContent, clock)
        .map(
            edited ->
                comments
                    .update(edited)
                    .then(Mono.defer(() -> events.updated(updatedEvent(edited, editorId))))
                    .thenReturn(edited))
        .orElseGet(() -> Mono.just(comment));
  }

  private Mono<CommentView> named(Comment comment) {
    return authorNames
        .usernames(comment.authorId().map(Set::of).orElseGet(Set::of))
        .map(usernames -> CommentView.of(comment, usernames));
  }

  private static CommentUpdated updatedEvent(Comment comment, UUID authorId) {
    return new CommentUpdated(
        comment.id(), comment.ticketId(), authorId, comment.content().text(), comment.updatedAt());
  }
}
