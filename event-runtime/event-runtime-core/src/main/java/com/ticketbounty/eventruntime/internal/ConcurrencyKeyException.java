package com.ticketbounty.eventruntime.internal;

/**
 * A concurrency key could not be computed for an event. Unlike a filter, a key has no safe default
 * (any fallback value would merge unrelated runs into one slot), so the run fails with this reason.
 */
public final class ConcurrencyKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConcurrencyKeyException(String message) {
    super(message);
  }

  public ConcurrencyKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
