package com.ticketbounty.notification.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Someone an e-mail can go to: an account whose address this service knows, with what it wants to
 * hear.
 *
 * @param userId the account
 * @param email its address
 * @param username its username, to greet it
 * @param preference how it wants to hear about tickets
 */
public record Recipient(
    UUID userId, String email, String username, NotificationPreference preference) {
  public Recipient {
    Objects.requireNonNull(userId, "userId");
    if (email.isBlank()) {
      throw new IllegalArgumentException("a recipient needs an e-mail address");
    }
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(preference, "preference");
  }

  /**
   * The account an event names with its address (the security e-mails, which go whatever the
   * preference, and the welcome e-mail of an account not in the read model yet).
   */
  public static Recipient atAddress(UUID userId, String email, String username) {
    return new Recipient(userId, email, username, NotificationPreference.IMMEDIATE);
  }
}
