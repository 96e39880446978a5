package com.ticketbounty.ticket.application;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** The owner deletes a ticket; announced as {@code app/ticket.deleted} with its last version. */
public final class DeleteTicket {
  private final Tickets tickets;
  private final TicketEvents events;
  private final UnitOfWork unitOfWork;
  private final TicketChanges changes;

  public DeleteTicket(
      Tickets tickets, Accounts accounts, TicketEvents events, UnitOfWork unitOfWork) {
    this.tickets = tickets;
    this.events = events;
    this.unitOfWork = unitOfWork;
    this.changes = new TicketChanges(tickets, accounts, unitOfWork);
  }

  /**
   * @return empty once the ticket and its event are committed; errors: {@link
   *     TicketNotFoundException}, {@link com.ticketbounty.ticket.domain.NotTicketOwnerException}
   */
  public Mono<Void> delete(UUID actor, UUID ticketId) {
    Mono<Void> work =
        changes
            .held(ticketId)
            .flatMap(
                ticket -> {
                  ticket.checkOwner(actor);
                  return tickets
                      .remove(ticket)
                      .then(Mono.defer(() -> events.deleted(TicketContracts.deleted(ticket))));
                });
    return unitOfWork.inTransaction(work);
  }
}
