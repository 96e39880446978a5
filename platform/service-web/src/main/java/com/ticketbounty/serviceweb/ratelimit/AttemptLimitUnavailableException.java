package com.ticketbounty.serviceweb.ratelimit;

/**
 * 503: the attempt could not be counted, because the {@link AttemptStore} could not be asked. The
 * attempt is refused rather than let through (see {@link AttemptLimit}).
 */
public final class AttemptLimitUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AttemptLimitUnavailableException(String endpoint, Throwable cause) {
    super("the attempts of %s cannot be counted".formatted(endpoint), cause);
  }

  /** The problem's detail, in the caller's terms. */
  public String detail() {
    return "Attempts cannot be counted right now; try again shortly.";
  }
}
