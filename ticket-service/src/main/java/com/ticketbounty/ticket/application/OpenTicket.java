package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Ticket;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A signed-in user opens a ticket. The ticket, the owner's username (when this service has not
 * heard of the account yet) and its {@code app/ticket.created} event are written in one
 * transaction: either all are committed or none is, so no ticket goes unannounced and no event
 * announces a ticket that does not exist.
 */
public final class OpenTicket {
  private final Tickets tickets;
  private final Accounts accounts;
  private final TicketEvents events;
  private final UnitOfWork unitOfWork;
  private final TicketViews views;
  private final Clock clock;

  public OpenTicket(
      Tickets tickets, Accounts accounts, TicketEvents events, UnitOfWork unitOfWork, Clock clock) {
    this.tickets = tickets;
    this.accounts = accounts;
    this.events = events;
    this.unitOfWork = unitOfWork;
    this.views = new TicketViews(accounts);
    this.clock = clock;
  }

  /**
   * @return the new ticket, once it and its event are committed
   */
  public Mono<TicketView> open(OpenTicketCommand command) {
    return Mono.defer(
        () -> {
          Ticket ticket =
              Ticket.open(UUID.randomUUID(), command.ownerId(), command.details(), clock);
          Mono<Ticket> work =
              tickets
                  .add(ticket)
                  .then(accounts.remember(command.ownerId(), command.ownerUsername()))
                  .then(
                      Mono.defer(
                          () ->
                              events.created(
                                  TicketContracts.created(ticket, command.ownerEmail()))))
                  .thenReturn(ticket);
          return unitOfWork.inTransaction(work).flatMap(views::of);
        });
  }
}
