package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Ticket;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Puts the usernames of owner and assignee beside a ticket, from {@link Accounts}. */
final class TicketViews {
  private final Accounts accounts;

  TicketViews(Accounts accounts) {
    this.accounts = accounts;
  }

  Mono<TicketView> of(Ticket ticket) {
    Set<UUID> users = new HashSet<>();
    users.add(ticket.ownerId());
    ticket.assigneeId().ifPresent(users::add);
    return accounts
        .usernames(users)
        .map(
            names ->
                new TicketView(
                    ticket,
                    names.get(ticket.ownerId()),
                    ticket.assigneeId().map(names::get).orElse(null)));
  }
}
