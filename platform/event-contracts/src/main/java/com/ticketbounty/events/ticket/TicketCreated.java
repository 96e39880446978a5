package com.ticketbounty.events.ticket;

import com.ticketbounty.eventruntime.EventType;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A ticket was opened. Published by ticket-service in the transaction that saves the ticket.
 *
 * @param ticketId the ticket (the aggregate)
 * @param userId its owner
 * @param ownerEmail where the owner's confirmation goes (until notification-service keeps its own
 *     copy of accounts)
 * @param title the title
 * @param description the content (named as in the original app's event)
 * @param priority {@code low}, {@code medium}, {@code high} or {@code urgent}; a string so that a
 *     new priority does not break old consumers
 * @param deadline the deadline
 * @param bounty the bounty in cents
 */
@EventType(name = TicketCreated.NAME, version = "1.0")
public record TicketCreated(
    UUID ticketId,
    UUID userId,
    String ownerEmail,
    String title,
    String description,
    String priority,
    LocalDate deadline,
    long bounty) {
  public static final String NAME = "app/ticket.created";

  public TicketCreated {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(ownerEmail, "ownerEmail");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(deadline, "deadline");
  }
}
