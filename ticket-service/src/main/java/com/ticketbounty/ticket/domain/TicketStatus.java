package com.ticketbounty.ticket.domain;

/** Where a ticket stands; a new ticket is {@link #OPEN}. */
public enum TicketStatus {
  OPEN,
  IN_PROGRESS,
  DONE
}
