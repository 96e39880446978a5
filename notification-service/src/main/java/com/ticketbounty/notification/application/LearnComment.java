package com.ticketbounty.notification.application;

import java.time.Instant;
import java.util.UUID;

/** Keeps who commented on each ticket, and when, from comment-service's events. */
public final class LearnComment {
  private final TicketParticipants participants;

  public LearnComment(TicketParticipants participants) {
    this.participants = participants;
  }

  public void posted(UUID commentId, UUID ticketId, UUID authorId, Instant postedAt) {
    participants.learn(new CommentFacts(commentId, ticketId, authorId, postedAt, false));
  }

  public void deleted(UUID commentId, UUID ticketId, UUID authorId) {
    participants.learn(new CommentFacts(commentId, ticketId, authorId, null, true));
  }
}
