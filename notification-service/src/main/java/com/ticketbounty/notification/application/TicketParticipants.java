package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.KnownTicket;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who takes part in each ticket — owner, title, assignee, commenters — as ticket-service's and
 * comment-service's events told this service.
 */
public interface TicketParticipants {

  /**
   * Applies a ticket event: a deletion always lands and is final; anything else only when its
   * version is higher than what is held.
   */
  void learn(TicketFacts ticket);

  /**
   * Applies a comment event: a deletion is final, so a posting that arrives after the deletion (on
   * another queue) does not bring the comment back.
   */
  void learn(CommentFacts comment);

  Optional<KnownTicket> ticket(UUID ticketId);

  /**
   * Everyone who has a comment, not deleted, on the ticket posted before {@code postedAt}, other
   * than {@code commentId}.
   */
  Set<UUID> commentersBefore(UUID ticketId, UUID commentId, Instant postedAt);

  /** Everyone who has a comment, not deleted, on the ticket. */
  Set<UUID> commenters(UUID ticketId);
}
