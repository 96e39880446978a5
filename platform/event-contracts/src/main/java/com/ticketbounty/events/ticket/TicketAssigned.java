package com.ticketbounty.events.ticket;

import com.ticketbounty.eventruntime.EventType;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's assignee changed (PUT /api/tickets/{id}/assignee), also to nobody.
 *
 * @param ticketId the ticket
 * @param userId its owner, who assigned it
 * @param assigneeId the new assignee, or null when it was unassigned
 * @param previousAssigneeId the assignee before, or null
 * @param title the ticket's title
 * @param version the ticket's version after the change
 */
@EventType(name = TicketAssigned.NAME, version = "1.0")
public record TicketAssigned(
    UUID ticketId,
    UUID userId,
    @Nullable UUID assigneeId,
    @Nullable UUID previousAssigneeId,
    String title,
    long version) {
  public static final String NAME = "app/ticket.assigned";

  public TicketAssigned {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(title, "title");
  }
}
