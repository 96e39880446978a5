package com.ticketbounty.events.ticket;

import com.ticketbounty.eventruntime.EventType;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's details or status changed (PATCH /api/tickets/{id}, PUT …/status). Carries the ticket
 * as it is now and the names of the fields that changed.
 *
 * @param ticketId the ticket
 * @param userId its owner, who changed it
 * @param changed the fields that changed: {@code title}, {@code content}, {@code deadline}, {@code
 *     bounty}, {@code priority}, {@code status}
 * @param title the title
 * @param description the content
 * @param status {@code OPEN}, {@code IN_PROGRESS} or {@code DONE}
 * @param priority the priority
 * @param deadline the deadline
 * @param bounty the bounty in cents
 * @param assigneeId the assignee, or null
 * @param version the ticket's version after the change (1 at creation)
 */
@EventType(name = TicketUpdated.NAME, version = "1.0")
public record TicketUpdated(
    UUID ticketId,
    UUID userId,
    List<String> changed,
    String title,
    String description,
    String status,
    String priority,
    LocalDate deadline,
    long bounty,
    @Nullable UUID assigneeId,
    long version) {
  public static final String NAME = "app/ticket.updated";

  public TicketUpdated {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(changed, "changed");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(deadline, "deadline");
    changed = List.copyOf(changed);
  }
}
