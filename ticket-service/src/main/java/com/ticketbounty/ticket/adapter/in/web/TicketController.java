package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.ticket.application.OpenTicket;
import com.ticketbounty.ticket.application.ShowTicket;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/tickets}: open a ticket, read one. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {
  private final OpenTicket openTicket;
  private final ShowTicket showTicket;

  TicketController(OpenTicket openTicket, ShowTicket showTicket) {
    this.openTicket = openTicket;
    this.showTicket = showTicket;
  }

  /**
   * 201 with the ticket; the Location is relative so that it holds behind the gateway, whatever
   * host the caller used.
   */
  @PostMapping
  Mono<ResponseEntity<TicketResponse>> open(@RequestBody OpenTicketRequest request) {
    return Mono.fromCallable(request::toCommand)
        .flatMap(openTicket::open)
        .map(TicketResponse::of)
        .map(
            ticket ->
                ResponseEntity.created(URI.create("/api/tickets/" + ticket.id())).body(ticket));
  }

  @GetMapping("/{id}")
  Mono<TicketResponse> show(@PathVariable UUID id) {
    return showTicket.show(id).map(TicketResponse::of);
  }
}
