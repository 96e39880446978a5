package com.ticketbounty.notification.application;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Keeps each ticket's owner, title and assignee from ticket-service's events. Each event of a
 * ticket arrives on a queue of its own, so in any order: the version decides, and a deletion is
 * final.
 */
public final class LearnTicket {
  /** {@code app/ticket.created} carries no version: a new ticket is at version 1. */
  static final long CREATED_VERSION = 1;

  private final TicketParticipants participants;

  public LearnTicket(TicketParticipants participants) {
    this.participants = participants;
  }

  public void opened(UUID ticketId, UUID ownerId, String title) {
    participants.learn(new TicketFacts(ticketId, ownerId, title, null, CREATED_VERSION, false));
  }

  public void changed(
      UUID ticketId, UUID ownerId, String title, @Nullable UUID assigneeId, long version) {
    participants.learn(new TicketFacts(ticketId, ownerId, title, assigneeId, version, false));
  }

  public void deleted(UUID ticketId, UUID ownerId, long version) {
    participants.learn(new TicketFacts(ticketId, ownerId, null, null, version, true));
  }
}
