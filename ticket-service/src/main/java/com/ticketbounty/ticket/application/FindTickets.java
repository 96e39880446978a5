package com.ticketbounty.ticket.application;

import reactor.core.publisher.Mono;

/** Lists tickets: the one page of a query's matches, with the number of all matches. */
public interface FindTickets {

  Mono<TicketPage> matching(TicketQuery query);
}
