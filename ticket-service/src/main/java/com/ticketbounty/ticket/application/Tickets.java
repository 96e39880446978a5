package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Ticket;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Every ticket there is. Joins the caller's transaction when there is one. */
public interface Tickets {

  /** Stores a ticket that is not stored yet. */
  Mono<Void> add(Ticket ticket);

  /**
   * @return the ticket, or empty when there is none with that id
   */
  Mono<Ticket> withId(UUID id);
}
