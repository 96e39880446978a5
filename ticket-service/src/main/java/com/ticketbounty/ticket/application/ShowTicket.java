package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Ticket;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Anyone reads a ticket (reading is public, DESIGN.md §7). */
public final class ShowTicket {
  private final Tickets tickets;

  public ShowTicket(Tickets tickets) {
    this.tickets = tickets;
  }

  /**
   * @return the ticket, or an error {@link TicketNotFoundException} when there is none
   */
  public Mono<Ticket> show(UUID ticketId) {
    return tickets
        .withId(ticketId)
        .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(ticketId)));
  }
}
