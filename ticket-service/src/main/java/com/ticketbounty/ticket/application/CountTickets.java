package com.ticketbounty.ticket.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Counts the tickets for another service (admin-digest-service's daily digest): all that exist and
 * those created since an instant. Read-only, so asking again is harmless.
 */
public final class CountTickets {
  private final Tickets tickets;

  public CountTickets(Tickets tickets) {
    this.tickets = tickets;
  }

  public Mono<TicketCount> since(Instant since) {
    return tickets.count(since);
  }
}
