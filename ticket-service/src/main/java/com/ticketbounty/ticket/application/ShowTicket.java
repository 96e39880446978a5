package com.ticketbounty.ticket.application;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Anyone reads a ticket (reading is public, DESIGN.md §7). */
public final class ShowTicket {
  private final Tickets tickets;
  private final TicketViews views;

  public ShowTicket(Tickets tickets, Accounts accounts) {
    this.tickets = tickets;
    this.views = new TicketViews(accounts);
  }

  /**
   * @return the ticket, or an error {@link TicketNotFoundException} when there is none
   */
  public Mono<TicketView> show(UUID ticketId) {
    return tickets
        .withId(ticketId)
        .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(ticketId)))
        .flatMap(views::of);
  }
}
