package com.ticketbounty.ticket.application;

import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketDetails;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A user opens a ticket. The ticket and its {@code app/ticket.created} event are written in one
 * transaction: either both are committed or neither is, so no ticket goes unannounced and no event
 * announces a ticket that does not exist.
 */
public final class OpenTicket {
  private final Tickets tickets;
  private final TicketEvents events;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public OpenTicket(Tickets tickets, TicketEvents events, UnitOfWork unitOfWork, Clock clock) {
    this.tickets = tickets;
    this.events = events;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /**
   * @return the new ticket, once it and its event are committed
   */
  public Mono<Ticket> open(OpenTicketCommand command) {
    return Mono.defer(
        () -> {
          Ticket ticket =
              Ticket.open(UUID.randomUUID(), command.ownerId(), command.details(), clock);
          Mono<Ticket> work =
              tickets
                  .add(ticket)
                  .then(
                      Mono.defer(() -> events.created(createdEvent(ticket, command.ownerEmail()))))
                  .thenReturn(ticket);
          return unitOfWork.inTransaction(work);
        });
  }

  private static TicketCreated createdEvent(Ticket ticket, String ownerEmail) {
    TicketDetails details = ticket.details();
    return new TicketCreated(
        ticket.id(),
        ticket.ownerId(),
        ownerEmail,
        details.title(),
        details.content(),
        details.priority().name().toLowerCase(Locale.ROOT),
        details.deadline(),
        details.bounty());
  }
}
