package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.TicketPatch;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The owner changes a ticket's title, content, deadline, bounty or priority; {@code
 * app/ticket.updated} names the fields that changed and carries the ticket as it is now.
 */
public final class ChangeTicketDetails {
  private final TicketChanges changes;
  private final TicketEvents events;
  private final Clock clock;

  public ChangeTicketDetails(
      Tickets tickets, Accounts accounts, TicketEvents events, UnitOfWork unitOfWork, Clock clock) {
    this.changes = new TicketChanges(tickets, accounts, unitOfWork);
    this.events = events;
    this.clock = clock;
  }

  /**
   * @return the changed ticket; errors: {@link TicketNotFoundException}, {@link
   *     com.ticketbounty.ticket.domain.NotTicketOwnerException}, {@link
   *     com.ticketbounty.ticket.domain.BrokenRulesException}
   */
  public Mono<TicketView> change(UUID actor, UUID ticketId, TicketPatch patch) {
    return changes.apply(
        ticketId,
        ticket -> Mono.fromCallable(() -> ticket.changeDetails(actor, patch, clock)),
        done -> events.updated(TicketContracts.updated(done.ticket(), done.changed())));
  }
}
