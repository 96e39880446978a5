package com.ticketbounty.serviceweb.ratelimit;

/**
 * 429: a key used up its attempts; {@code Retry-After} says when to retry. Every service answers it
 * through service-web's problem details, the gateway through {@code ProblemResponses}.
 */
public final class TooManyAttemptsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public TooManyAttemptsException(long retryAfterSeconds) {
    super("too many attempts; retry after %d s".formatted(retryAfterSeconds), null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The whole seconds to wait, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The problem's detail, in the caller's terms. */
  public String detail() {
    return "Too many attempts; retry in %d seconds.".formatted(retryAfterSeconds);
  }
}
