package com.ticketbounty.identity.adapter.in.web;

/** 403: the caller is signed in but may not do this. */
final class NotAllowedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotAllowedException(String message) {
    super(message, null, false, false);
  }
}
