package com.ticketbounty.comment.application;

import java.util.UUID;

/** There is no ticket with the id asked for. */
public final class TicketNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final UUID ticketId;

  public TicketNotFoundException(UUID ticketId) {
    super("no ticket " + ticketId);
    this.ticketId = ticketId;
  }

  public UUID ticketId() {
    return ticketId;
  }
}
