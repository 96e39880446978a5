package com.ticketbounty.admindigest.application;

/**
 * The owner of a figure refused the request itself (a 4xx other than 408 and 429: a bad {@code
 * since}, a token without the right role) or answered something that is not a count: asking the
 * same way again cannot help.
 */
public class FiguresRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FiguresRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
