package com.ticketbounty.ticket.application;

import reactor.core.publisher.Mono;

/**
 * Anyone lists tickets: searched, filtered, sorted and paged (listing is public; {@code scope=mine}
 * needs a signed-in user, whose id the query then carries).
 */
public final class SearchTickets {
  private final FindTickets findTickets;

  public SearchTickets(FindTickets findTickets) {
    this.findTickets = findTickets;
  }

  public Mono<TicketPage> search(TicketQuery query) {
    return findTickets.matching(query);
  }
}
