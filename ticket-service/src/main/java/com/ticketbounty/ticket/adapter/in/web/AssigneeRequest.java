package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.ticket.domain.Given;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/tickets/{id}/assignee}: {@code {"userId": "…"}} assigns, {@code
 * {"userId": null}} unassigns. Jackson calls the setter only when the body holds the field, so a
 * body without it is told apart (a broken rule) rather than taken for an unassignment.
 */
@Schema(name = "TicketAssignee")
final class AssigneeRequest {
  private @Nullable Given<UUID> userId;

  @Nullable Given<UUID> assignee() {
    return userId;
  }

  @Schema(description = "a known account, or null to unassign", nullable = true)
  public @Nullable UUID getUserId() {
    return userId == null ? null : userId.value();
  }

  public void setUserId(@Nullable UUID userId) {
    this.userId = Given.of(userId);
  }
}
