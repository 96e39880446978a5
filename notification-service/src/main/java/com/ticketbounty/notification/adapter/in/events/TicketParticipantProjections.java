package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.comment.CommentDeleted;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import com.ticketbounty.notification.application.LearnComment;
import com.ticketbounty.notification.application.LearnTicket;

/**
 * ticket-service's and comment-service's events → who takes part in each ticket (owner, title,
 * assignee, commenters), for {@code comment-posted}, {@code ticket-assigned} and {@code
 * ticket-updated}. Projections like {@link RecipientProjections}: once per event, in any order —
 * the version decides for tickets, and a deletion is final for both.
 *
 * <p>{@code app/ticket.created} is read as 1.x, the MAJOR ticket-service publishes for every
 * ticket; when 1.0 is retired this moves to {@code TicketCreatedV2} (same owner and title).
 */
public final class TicketParticipantProjections {
  private final LearnTicket learnTicket;
  private final LearnComment learnComment;

  public TicketParticipantProjections(LearnTicket learnTicket, LearnComment learnComment) {
    this.learnTicket = learnTicket;
    this.learnComment = learnComment;
  }

  /** Reads 2.0, the MAJOR without the owner's address: the 1.0 beside it is acked unread. */
  public Projection<TicketCreatedV2> ticketCreated() {
    return Projection.of(
        TicketCreatedV2.class,
        delivery -> {
          TicketCreatedV2 ticket = delivery.data();
          learnTicket.opened(ticket.ticketId(), ticket.userId(), ticket.title());
        });
  }

  public Projection<TicketUpdated> ticketUpdated() {
    return Projection.of(
        TicketUpdated.class,
        delivery -> {
          TicketUpdated ticket = delivery.data();
          learnTicket.changed(
              ticket.ticketId(),
              ticket.userId(),
              ticket.title(),
              ticket.assigneeId(),
              ticket.version());
        });
  }

  public Projection<TicketAssigned> ticketAssigned() {
    return Projection.of(
        TicketAssigned.class,
        delivery -> {
          TicketAssigned ticket = delivery.data();
          learnTicket.changed(
              ticket.ticketId(),
              ticket.userId(),
              ticket.title(),
              ticket.assigneeId(),
              ticket.version());
        });
  }

  public Projection<TicketDeleted> ticketDeleted() {
    return Projection.of(
        TicketDeleted.class,
        delivery ->
            learnTicket.deleted(
                delivery.data().ticketId(), delivery.data().userId(), delivery.data().version()));
  }

  public Projection<CommentPosted> commentPosted() {
    return Projection.of(
        CommentPosted.class,
        delivery -> {
          CommentPosted comment = delivery.data();
          learnComment.posted(
              comment.commentId(), comment.ticketId(), comment.authorId(), comment.createdAt());
        });
  }

  public Projection<CommentDeleted> commentDeleted() {
    return Projection.of(
        CommentDeleted.class,
        delivery ->
            learnComment.deleted(
                delivery.data().commentId(),
                delivery.data().ticketId(),
                delivery.data().authorId()));
  }
}
