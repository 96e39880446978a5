package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.ticket.application.OpenTicketCommand;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/tickets}. Every field may be absent here: what is missing or out of
 * range is a broken rule (422) reported by the command, not an unreadable body (400). The deadline
 * stays text so that {@code 2026-02-30} is a broken rule too. {@code ownerId} and {@code
 * ownerEmail} stand in for the signed-in user until authentication exists.
 */
record OpenTicketRequest(
    @Nullable String title,
    @Nullable String content,
    @Nullable String deadline,
    @Nullable Long bounty,
    @Nullable PriorityJson priority,
    @Nullable UUID ownerId,
    @Nullable String ownerEmail) {

  OpenTicketCommand toCommand() {
    return OpenTicketCommand.of(
        ownerId,
        ownerEmail,
        title,
        content,
        deadline,
        bounty,
        priority == null ? null : priority.toDomain());
  }
}
