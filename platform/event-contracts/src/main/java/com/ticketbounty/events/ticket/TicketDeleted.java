package com.ticketbounty.events.ticket;

import com.ticketbounty.eventruntime.EventType;
import java.util.Objects;
import java.util.UUID;

/**
 * A ticket was deleted by its owner.
 *
 * @param ticketId the ticket
 * @param userId its owner
 * @param version the ticket's version when deleted; nothing later follows
 */
@EventType(name = TicketDeleted.NAME, version = "1.0")
public record TicketDeleted(UUID ticketId, UUID userId, long version) {
  public static final String NAME = "app/ticket.deleted";

  public TicketDeleted {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(userId, "userId");
  }
}
