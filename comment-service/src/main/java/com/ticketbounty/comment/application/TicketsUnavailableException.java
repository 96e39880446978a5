package com.ticketbounty.comment.application;

/**
 * Whether a ticket exists cannot be told right now: the read model has not heard of it and
 * ticket-service did not answer (down, too slow, or failing so often that it is no longer asked).
 */
public final class TicketsUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TicketsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
