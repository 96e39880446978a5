package com.ticketbounty.notification.application;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * An account to be notified is not in the recipients read model yet: its {@code
 * app/account.created} has not arrived (it travels on another queue than the event being handled).
 * Retriable — the step is tried again with backoff until the account is known, and everyone known
 * was already notified under their own keys.
 */
public class RecipientNotKnownException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<UUID> userIds;

  public RecipientNotKnownException(Collection<UUID> userIds) {
    super("no e-mail address known yet for account(s) " + userIds);
    this.userIds = List.copyOf(userIds);
  }

  public List<UUID> userIds() {
    return userIds;
  }
}
