package com.ticketbounty.notification.adapter.in.web;

/** A query parameter that cannot be read (400), named as the request names it. */
final class BadQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  BadQueryException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }
}
