package com.ticketbounty.ticket.application;

import com.ticketbounty.events.ticket.TicketCreated;
import reactor.core.publisher.Mono;

/**
 * What other services hear about tickets. An event is written in the caller's transaction and
 * leaves the service only if that transaction commits.
 */
public interface TicketEvents {

  Mono<Void> created(TicketCreated event);
}
