package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.security.InternalCaller;
import com.ticketbounty.ticket.application.CountTickets;
import com.ticketbounty.ticket.application.ShowTicket;
import com.ticketbounty.ticket.application.TicketCount;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What other services need to know of tickets; the gateway never routes these. {@code GET
 * /internal/tickets/{id}}: a ticket another service has not heard of yet (comment-service, before
 * the ticket's events arrive) — that it exists, and whose it is; for services and administrators
 * ({@link InternalCaller}). {@code GET /internal/tickets/count}: how many tickets there are, for
 * admin-digest-service; for services and administrators too. A literal segment outranks a variable
 * one in Spring's path matching, so {@code count} never reaches the {@code {id}} handler.
 */
@RestController
class InternalTicketController {
  private final ShowTicket showTicket;
  private final CountTickets countTickets;

  InternalTicketController(ShowTicket showTicket, CountTickets countTickets) {
    this.showTicket = showTicket;
    this.countTickets = countTickets;
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
   * For services and administrators, like every internal endpoint ({@link InternalCaller}: 401
   * without a token, 403 for a user's, before the query is read); 400 for a missing or bad since.
   */
  @GetMapping("/internal/tickets/count")
  Mono<TicketCounts> count(
      InternalCaller caller,
      @RequestParam(name = SinceParameter.NAME, required = false) @Nullable String since) {
    return Mono.fromCallable(() -> sinceAsked(caller, since))
        .flatMap(countTickets::since)
        .map(TicketCounts::of);
  }

  private static Instant sinceAsked(InternalCaller caller, @Nullable String since) {
    return SinceParameter.read(since);
  }

  /**
   * @param version the ticket's version, as its events carry it
   */
  record TicketFacts(UUID id, UUID ownerId, long version) {}

  /**
   * @param total tickets that exist
   * @param createdSince those of them created at or after {@code since}
   * @param since the instant asked about, in UTC
   */
  record TicketCounts(long total, long createdSince, Instant since) {
    static TicketCounts of(TicketCount count) {
      return new TicketCounts(count.total(), count.createdSince(), count.since());
    }
  }
}
