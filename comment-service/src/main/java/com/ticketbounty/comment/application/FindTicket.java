package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.KnownTicket;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Finds a ticket to comment on. The read model answers when it knows the ticket; when it does not
 * (the ticket was created a moment ago and its event has not arrived), ticket-service is asked and
 * its answer remembered, so that posting right after creating a ticket works and the next post
 * needs no call.
 */
public final class FindTicket {
  private final KnownTickets knownTickets;
  private final TicketDirectory directory;

  public FindTicket(KnownTickets knownTickets, TicketDirectory directory) {
    this.knownTickets = knownTickets;
    this.directory = directory;
  }

  /**
   * @return the live ticket; an error {@link TicketNotFoundException} when it does not exist or was
   *     deleted, {@link TicketsUnavailableException} when that cannot be told now
   */
  public Mono<KnownTicket> find(UUID ticketId) {
    return knownTickets
        .find(ticketId)
        .switchIfEmpty(Mono.defer(() -> askTicketService(ticketId)))
        .filter(KnownTicket::isLive)
        .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(ticketId)));
  }

  private Mono<KnownTicket> askTicketService(UUID ticketId) {
    // Read back after learning: a deletion that arrived meanwhile has the last word.
    return directory
        .lookUp(ticketId)
        .flatMap(
            ticket ->
                knownTickets.learn(ticket).then(Mono.defer(() -> knownTickets.find(ticketId))));
  }
}
