package com.ticketbounty.identity.application;

/**
 * The caller did not prove who they are (401): wrong credentials, or a refresh token that is
 * unknown, spent, expired or of an ended session. The message is the same for every cause so that
 * an answer tells an attacker nothing.
 */
public final class NotAuthenticatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotAuthenticatedException(String message) {
    super(message, null, false, false);
  }
}
