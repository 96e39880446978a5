package com.ticketbounty.ticket.application;

import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import reactor.core.publisher.Mono;

/**
 * What other services hear about tickets. An event is written in the caller's transaction and
 * leaves the service only if that transaction commits; each is published on behalf of the user in
 * its {@code userId}.
 */
public interface TicketEvents {

  Mono<Void> created(TicketCreated event);

  Mono<Void> updated(TicketUpdated event);

  Mono<Void> assigned(TicketAssigned event);

  Mono<Void> deleted(TicketDeleted event);
}
