package com.ticketbounty.events.admin;

import com.ticketbounty.eventruntime.EventType;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An urgent ticket was opened: the administrators are told (DESIGN.md §8). Published by
 * notification-service's {@code ticket-created} function, step {@code notify-urgent}.
 *
 * @param ticketId the ticket
 * @param userId its owner
 * @param title the title
 * @param deadline the deadline
 * @param bounty the bounty in cents
 */
@EventType(name = UrgentTicketCreated.NAME, version = "1.0")
public record UrgentTicketCreated(
    UUID ticketId, UUID userId, String title, LocalDate deadline, long bounty) {
  public static final String NAME = "app/admin.urgent-ticket-created";

  public UrgentTicketCreated {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(deadline, "deadline");
  }
}
