package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.KnownTicket;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The read model of tickets hears from ticket-service's events: a ticket created, changed or
 * assigned (each with the ticket's version), or deleted. A repeated or older event changes nothing
 * (see {@link KnownTicket#after(KnownTicket)}), so applying one twice is harmless. A deleted
 * ticket's comments are deleted with it, in the same transaction, and without an event per comment:
 * consumers that care hear {@code app/ticket.deleted} themselves.
 */
public final class LearnTicket {
  private final KnownTickets knownTickets;
  private final Comments comments;
  private final UnitOfWork unitOfWork;

  public LearnTicket(KnownTickets knownTickets, Comments comments, UnitOfWork unitOfWork) {
    this.knownTickets = knownTickets;
    this.comments = comments;
    this.unitOfWork = unitOfWork;
  }

  /** The ticket exists as of {@code version}, owned by {@code ownerId}. */
  public Mono<Void> changed(UUID ticketId, UUID ownerId, long version) {
    return knownTickets.learn(KnownTicket.at(ticketId, ownerId, version));
  }

  /** The ticket was deleted; so are its comments. */
  public Mono<Void> deleted(UUID ticketId, UUID ownerId, long version) {
    return unitOfWork.inTransaction(
        knownTickets
            .learn(KnownTicket.deleted(ticketId, ownerId, version))
            .then(comments.removeAllOf(ticketId))
            .then());
  }
}
