package com.ticketbounty.eventruntime.codec;

/** A message that can never become an event: its message says why, for the dead-letter record. */
public final class UndecodableEventException extends Exception {
  private static final long serialVersionUID = 1L;

  public UndecodableEventException(String reason) {
    super(reason);
  }
}
