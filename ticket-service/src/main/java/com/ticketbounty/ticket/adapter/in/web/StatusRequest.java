package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.ticket.domain.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/tickets/{id}/status}. A status other than {@code OPEN}, {@code
 * IN_PROGRESS} or {@code DONE} is unreadable (400); none at all is a broken rule (422).
 */
@Schema(name = "TicketStatusChange")
record StatusRequest(@Nullable TicketStatus status) {}
