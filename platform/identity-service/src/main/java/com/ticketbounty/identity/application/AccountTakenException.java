package com.ticketbounty.identity.application;

import java.util.List;

/** Another account already has this e-mail address or username (409). */
public final class AccountTakenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> fields;

  public AccountTakenException(List<String> fields) {
    super("taken: " + String.join(", ", fields));
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("name at least one taken field");
    }
    this.fields = List.copyOf(fields);
  }

  /** The fields whose values are taken, as the request names them. */
  public List<String> fields() {
    return fields;
  }
}
