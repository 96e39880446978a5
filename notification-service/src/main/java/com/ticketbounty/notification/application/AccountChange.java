package com.ticketbounty.notification.application;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account as one of identity-service's events describes it.
 *
 * @param userId the account
 * @param username its username
 * @param preference its notification preference as the wire spells it
 * @param version the account's version the event describes
 * @param email its address, or null when the event does not say (a 1.0 profile update)
 * @param role {@code USER} or {@code ADMIN}, or null when the event does not say
 * @param emailVerified whether the address is verified, or null when the event does not say
 */
public record AccountChange(
    UUID userId,
    String username,
    String preference,
    long version,
    @Nullable String email,
    @Nullable String role,
    @Nullable Boolean emailVerified) {
  public AccountChange {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(preference, "preference");
  }
}
