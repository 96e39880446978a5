package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.ticket.domain.Given;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/tickets/{id}/assignee}: {@code {"userId": "…"}} assigns, {@code
 * {"userId": null}} unassigns. Jackson calls the setter only when the body holds the field, so a
 * body without it is told apart (a broken rule) rather than taken for an unassignment.
 */
final class AssigneeRequest {
  private @Nullable Given<UUID> userId;

  @Nullable Given<UUID> assignee() {
    return userId;
  }

  public @Nullable UUID getUserId() {
    return userId == null ? null : userId.value();
  }

  public void setUserId(@Nullable UUID userId) {
    this.userId = Given.of(userId);
  }
}
