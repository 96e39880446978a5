package com.ticketbounty.events.account;

import com.ticketbounty.eventruntime.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account's username or notification preference changed (PATCH /api/account). Carries the whole
 * profile so a read model can apply it alone.
 *
 * @param userId the account
 * @param username the username now
 * @param notificationPreference the preference now
 * @param version the account's version after the change; a read model drops an event older than
 *     what it holds
 * @param updatedAt when it changed
 */
@EventType(name = AccountProfileUpdated.NAME, version = "1.0")
public record AccountProfileUpdated(
    UUID userId, String username, String notificationPreference, long version, Instant updatedAt) {
  public static final String NAME = "app/account.profile-updated";

  public AccountProfileUpdated {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(notificationPreference, "notificationPreference");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
