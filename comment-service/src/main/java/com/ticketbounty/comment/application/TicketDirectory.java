package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.KnownTicket;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * ticket-service itself, asked about a ticket the read model has not heard of yet (a comment posted
 * right after the ticket was created, before its event arrived).
 */
public interface TicketDirectory {

  /**
   * @return the ticket as {@link KnownTicket#unversioned}, or empty when ticket-service has no such
   *     ticket; an error {@link TicketsUnavailableException} when ticket-service cannot answer
   */
  Mono<KnownTicket> lookUp(UUID ticketId);
}
