package com.ticketbounty.eventruntime;

/**
 * Thrown from a step to fail it at once: no further attempt is made, whatever retries the function
 * allows. For errors that a retry cannot cure — a provider that rejects the request (a 4xx other
 * than 408/429), data that breaks a rule.
 */
public class NonRetriableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NonRetriableException(String message) {
    super(message);
  }

  public NonRetriableException(String message, Throwable cause) {
    super(message, cause);
  }
}
