package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Ticket;
import java.time.Instant;
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

  /**
   * The ticket, held for the current transaction so that no other change of it runs in between (two
   * changes at once apply one after the other, each to the result of the one before).
   *
   * @return the ticket, or empty when there is none with that id
   */
  Mono<Ticket> withIdForChange(UUID id);

  /**
   * Stores a changed ticket over the version it was changed from ({@code version - 1}).
   *
   * @throws IllegalStateException (as the Mono's error) when the stored ticket is not that version
   */
  Mono<Void> update(Ticket ticket);

  Mono<Void> remove(Ticket ticket);

  /** Every ticket there is, and how many of them were created at or after {@code since}. */
  Mono<TicketCount> count(Instant since);
}
