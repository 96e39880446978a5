package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Audiences;
import com.ticketbounty.notification.domain.KnownTicket;
import com.ticketbounty.notification.domain.PostedComment;
import com.ticketbounty.notification.domain.Recipient;
import com.ticketbounty.notification.domain.TicketNotices;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tells a ticket's owner and its earlier commenters about a new comment ({@code comment-posted}).
 * Nobody is told about a comment on a ticket known to be deleted.
 */
public final class NotifyCommentAudience {
  private final Notify notify;
  private final Recipients recipients;
  private final TicketParticipants participants;
  private final TicketNotices notices;

  public NotifyCommentAudience(
      Notify notify,
      Recipients recipients,
      TicketParticipants participants,
      TicketNotices notices) {
    this.notify = notify;
    this.recipients = recipients;
    this.participants = participants;
    this.notices = notices;
  }

  /** {@code notify-author}: the owner, unless they wrote the comment. */
  public Notified notifyOwner(NewComment comment, String stepKey) {
    Optional<KnownTicket> ticket = participants.ticket(comment.ticketId());
    if (ticket.map(KnownTicket::deleted).orElse(false)) {
      return Notified.NONE;
    }
    return notify.notifyEach(
        Audiences.ownerOfCommentedTicket(comment.ownerId(), comment.authorId()).stream().toList(),
        notices.commentPosted(posted(comment, ticket), true),
        stepKey);
  }

  /**
   * {@code notify-watchers}: everyone who commented on the ticket before this comment, once each,
   * never its author nor the owner.
   */
  public Notified notifyWatchers(NewComment comment, String stepKey) {
    Optional<KnownTicket> ticket = participants.ticket(comment.ticketId());
    if (ticket.map(KnownTicket::deleted).orElse(false)) {
      return Notified.NONE;
    }
    Set<UUID> earlier =
        participants.commentersBefore(comment.ticketId(), comment.commentId(), comment.postedAt());
    return notify.notifyEach(
        List.copyOf(Audiences.watchers(earlier, comment.authorId(), comment.ownerId())),
        notices.commentPosted(posted(comment, ticket), false),
        stepKey);
  }

  private PostedComment posted(NewComment comment, Optional<KnownTicket> ticket) {
    return new PostedComment(
        comment.ticketId(),
        ticket.map(KnownTicket::title).orElse(null),
        recipients.find(comment.authorId()).map(Recipient::username).orElse(null),
        comment.content());
  }
}
