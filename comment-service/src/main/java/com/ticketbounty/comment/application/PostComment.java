package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.KnownTicket;
import com.ticketbounty.events.comment.CommentPosted;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A signed-in user comments on a ticket. The comment, the author's name and {@code
 * app/comment.posted} are written in one transaction, which also holds the ticket against its
 * deletion: a ticket deleted meanwhile is 404, and one deleted right after takes the new comment
 * with it.
 *
 * <p>The ticket must be known to the read model: {@link FindTicket} makes it so, and runs first,
 * outside this transaction, so that no database connection waits on ticket-service.
 */
public final class PostComment {
  private final Comments comments;
  private final KnownTickets knownTickets;
  private final AuthorNames authorNames;
  private final CommentEvents events;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public PostComment(
      Comments comments,
      KnownTickets knownTickets,
      AuthorNames authorNames,
      CommentEvents events,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.comments = comments;
    this.knownTickets = knownTickets;
    this.authorNames = authorNames;
    this.events = events;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /**
   * @return the new comment, once it and its event are committed; an error {@link
   *     TicketNotFoundException} when the ticket is not (or no longer) known
   */
  public Mono<CommentView> post(PostCommentCommand command) {
    return Mono.defer(
        () -> {
          Comment comment =
              Comment.post(
                  UUID.randomUUID(),
                  command.ticketId(),
                  command.authorId(),
                  command.content(),
                  clock);
          Mono<CommentView> work =
              knownTickets
                  .holdLive(command.ticketId())
                  .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(command.ticketId())))
                  .flatMap(ticket -> write(comment, ticket, command.authorName()));
          return unitOfWork.inTransaction(work);
        });
  }

  private Mono<CommentView> write(Comment comment, KnownTicket ticket, String authorName) {
    UUID authorId = comment.authorId().orElseThrow();
    return authorNames
        .remember(authorId, authorName)
        .then(comments.add(comment))
        .then(Mono.defer(() -> events.posted(postedEvent(comment, ticket, authorId))))
        .thenReturn(new CommentView(comment, authorName));
  }

  private static CommentPosted postedEvent(Comment comment, KnownTicket ticket, UUID authorId) {
    return new CommentPosted(
        comment.id(),
        comment.ticketId(),
        ticket.ownerId(),
        authorId,
        comment.content().text(),
        comment.createdAt());
  }
}
