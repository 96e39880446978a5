package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.ticket.application.TicketView;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketDetails;
import com.ticketbounty.ticket.domain.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A ticket as API.md shows it. */
@Schema(name = "Ticket")
record TicketResponse(
    UUID id,
    String title,
    String content,
    TicketStatus status,
    LocalDate deadline,
    long bounty,
    PriorityJson priority,
    UserResponse owner,
    @Nullable UserResponse assignee,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * A user as a ticket shows it; the username is null only for an account this service has not
   * heard of (see docs/architecture.md, accounts read model).
   */
  @Schema(name = "TicketUser")
  record UserResponse(UUID id, @Nullable String username) {}

  static TicketResponse of(TicketView view) {
    Ticket ticket = view.ticket();
    TicketDetails details = ticket.details();
    return new TicketResponse(
        ticket.id(),
        details.title(),
        details.content(),
        ticket.status(),
        details.deadline(),
        details.bounty(),
        PriorityJson.of(details.priority()),
        new UserResponse(ticket.ownerId(), view.ownerName()),
        ticket.assigneeId().map(id -> new UserResponse(id, view.assigneeName())).orElse(null),
        ticket.createdAt(),
        ticket.updatedAt());
  }
}
