package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.security.Caller;
import com.ticketbounty.ticket.application.OpenTicketCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/tickets}. Every field may be absent here: what is missing or out of
 * range is a broken rule (422) reported by the domain, not an unreadable body (400). The deadline
 * stays text so that {@code 2026-02-30} is a broken rule too. The owner is the signed-in caller;
 * other fields (such as the former {@code ownerId}) are ignored, as Jackson ignores every unknown
 * field here.
 */
@Schema(name = "OpenTicket")
record OpenTicketRequest(
    @Nullable String title,
    @Nullable String content,
    @Schema(format = "date", example = "2026-12-24") @Nullable String deadline,
    @Schema(description = "in cents, at least 500") @Nullable Long bounty,
    @Nullable PriorityJson priority) {

  OpenTicketCommand toCommand(Caller caller) {
    return OpenTicketCommand.of(
        caller.userId(),
        caller.username(),
        caller.email(),
        title,
        content,
        deadline,
        bounty,
        priority == null ? null : priority.toDomain());
  }
}
