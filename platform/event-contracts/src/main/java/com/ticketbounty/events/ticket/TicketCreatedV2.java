package com.ticketbounty.events.ticket;

import com.ticketbounty.eventruntime.EventType;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code app/ticket.created} 2.0: a ticket was opened. Unlike 1.0 ({@link TicketCreated}) it does
 * not carry the owner's e-mail address: a consumer that writes to the owner keeps its own copy of
 * accounts (notification-service's recipients, fed by the account events). ticket-service publishes
 * both MAJORs of each creation, in the same transaction, until every consumer reads 2.0
 * (docs/events.md says when 1.0 goes).
 *
 * @param ticketId the ticket (the aggregate)
 * @param userId its owner
 * @param title the title
 * @param description the content (named as in the original app's event)
 * @param priority {@code low}, {@code medium}, {@code high} or {@code urgent}; a string so that a
 *     new priority does not break old consumers
 * @param deadline the deadline
 * @param bounty the bounty in cents
 */
@EventType(name = TicketCreated.NAME, version = "2.0")
public record TicketCreatedV2(
    UUID ticketId,
    UUID userId,
    String title,
    String description,
    String priority,
    LocalDate deadline,
    long bounty) {

  public TicketCreatedV2 {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(deadline, "deadline");
  }
}
