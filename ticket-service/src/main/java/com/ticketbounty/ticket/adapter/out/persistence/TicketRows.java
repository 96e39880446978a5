package com.ticketbounty.ticket.adapter.out.persistence;

import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketDetails;
import com.ticketbounty.ticket.domain.TicketStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A row of {@code tickets} as a {@link Ticket}. */
final class TicketRows {
  private static final List<String> COLUMNS =
      List.of(
          "id",
          "title",
          "content",
          "status",
          "deadline",
          "bounty",
          "priority",
          "owner_id",
          "assignee_id",
          "created_at",
          "updated_at",
          "version");

  /** The columns {@link #ticket} reads, of the table {@code alias}. */
  static String columns(String alias) {
    return COLUMNS.stream().map(column -> alias + "." + column).collect(Collectors.joining(", "));
  }

  private TicketRows() {}

  static Ticket ticket(Readable row) {
    TicketDetails details =
        new TicketDetails(
            row.get("title", String.class),
            row.get("content", String.class),
            row.get("deadline", LocalDate.class),
            row.get("bounty", Long.class),
            Priority.valueOf(row.get("priority", String.class)));
    return Ticket.restore(
        row.get("id", UUID.class),
        row.get("owner_id", UUID.class),
        details,
        TicketStatus.valueOf(row.get("status", String.class)),
        row.get("assignee_id", UUID.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class),
        row.get("version", Long.class));
  }
}
