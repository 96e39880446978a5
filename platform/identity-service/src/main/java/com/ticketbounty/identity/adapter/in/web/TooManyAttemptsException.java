package com.ticketbounty.identity.adapter.in.web;

/** 429: the client or the account used up its attempts; {@code Retry-After} says when to retry. */
final class TooManyAttemptsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  TooManyAttemptsException(long retryAfterSeconds) {
    super("too many attempts; retry after " + retryAfterSeconds + " s", null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
