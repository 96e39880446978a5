package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Ticket;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as it is shown: with the usernames of its owner and assignee, null for an account this
 * service has not heard of.
 */
public record TicketView(Ticket ticket, @Nullable String ownerName, @Nullable String assigneeName) {

  public TicketView {
    Objects.requireNonNull(ticket, "ticket");
  }
}
