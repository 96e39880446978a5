package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.TicketStatus;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The owner moves a ticket to another status; announced as {@code app/ticket.updated} with {@code
 * status} changed. Moving it to the status it has changes and announces nothing.
 */
public final class ChangeTicketStatus {
  private final TicketChanges changes;
  private final TicketEvents events;
  private final Clock clock;

  public ChangeTicketStatus(
      Tickets tickets, Accounts accounts, TicketEvents events, UnitOfWork unitOfWork, Clock clock) {
    this.changes = new TicketChanges(tickets, accounts, unitOfWork);
    this.events = events;
    this.clock = clock;
  }

  /**
   * @param status null when the caller sent none, which breaks a rule
   */
  public Mono<TicketView> change(UUID actor, UUID ticketId, @Nullable TicketStatus status) {
    return changes.apply(
        ticketId,
        ticket -> Mono.fromCallable(() -> ticket.changeStatus(actor, status, clock)),
        done -> events.updated(TicketContracts.updated(done.ticket(), done.changed())));
  }
}
