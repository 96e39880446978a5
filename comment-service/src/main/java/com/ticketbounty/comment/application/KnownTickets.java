package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.KnownTicket;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The read model of ticket-service's tickets: what comment-service has learned of each ticket, by
 * the rules of {@link KnownTicket#after(KnownTicket)}, each applied in one atomic step so that
 * events handled concurrently cannot undo each other.
 */
public interface KnownTickets {

  /**
   * @return empty when nothing is known of the ticket
   */
  Mono<KnownTicket> find(UUID ticketId);

  /**
   * The ticket if it is known and not deleted, held until the current transaction ends so that its
   * deletion waits for that transaction (and then removes what it added).
   *
   * @return empty when the ticket is unknown or deleted
   */
  Mono<KnownTicket> holdLive(UUID ticketId);

  /** Applies {@code news} by {@link KnownTicket#after(KnownTicket)}, also when none is known. */
  Mono<Void> learn(KnownTicket news);
}
