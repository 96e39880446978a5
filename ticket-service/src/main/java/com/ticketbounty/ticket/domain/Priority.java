package com.ticketbounty.ticket.domain;

/** How urgent a ticket is; {@link #MEDIUM} unless the owner says otherwise. */
public enum Priority {
  LOW,
  MEDIUM,
  HIGH,
  URGENT;

  public static final Priority DEFAULT = MEDIUM;
}
