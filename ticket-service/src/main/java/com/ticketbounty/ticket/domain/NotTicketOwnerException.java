package com.ticketbounty.ticket.domain;

import java.util.UUID;

/** Someone other than a ticket's owner tried to change it; only the owner may (DESIGN.md §7). */
public final class NotTicketOwnerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final UUID ticketId;

  public NotTicketOwnerException(UUID ticketId) {
    super("only the owner may change ticket " + ticketId);
    this.ticketId = ticketId;
  }

  public UUID ticketId() {
    return ticketId;
  }
}
