package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.security.InternalCaller;
import com.ticketbounty.ticket.application.ShowTicket;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/tickets/{id}}: what another service needs to know of a ticket it has not
 * heard of yet (comment-service, before the ticket's events arrive) — that it exists, and whose it
 * is. For services and administrators only ({@link InternalCaller}); the gateway never routes it.
 */
@RestController
class InternalTicketController {
  private final ShowTicket showTicket;

  InternalTicketController(ShowTicket showTicket) {
    this.showTicket = showTicket;
  }

  @GetMapping("/internal/tickets/{id}")
  Mono<TicketFacts> show(InternalCaller caller, @PathVariable UUID id) {
    return showTicket
        .show(id)
        .map(
            view ->
                new TicketFacts(
                    view.ticket().id(), view.ticket().ownerId(), view.ticket().version()));
  }

  /**
   * @param version the ticket's version, as its events carry it
   */
  record TicketFacts(UUID id, UUID ownerId, long version) {}
}
