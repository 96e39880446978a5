package com.ticketbounty.events.account;

import com.ticketbounty.eventruntime.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account's profile as it is now, published when its username or notification preference changed
 * (PATCH /api/account), when its e-mail address was verified, when its role changed, and for every
 * account by the republish. Carries the whole profile so a read model can apply it alone.
 *
 * <p>1.1 added {@code email}, {@code role} and {@code emailVerified} (what a recipients read model
 * needs); they are null in a 1.0 event, so a consumer keeps what it had for them.
 *
 * @param userId the account
 * @param username the username now
 * @param notificationPreference the preference now
 * @param version the account's version after the change; a read model drops an event older than
 *     what it holds
 * @param updatedAt when it changed
 * @param email the account's e-mail address (since 1.1)
 * @param role {@code USER} or {@code ADMIN} (since 1.1)
 * @param emailVerified whether the address has been verified (since 1.1)
 */
@EventType(name = AccountProfileUpdated.NAME, version = "1.1")
public record AccountProfileUpdated(
    UUID userId,
    String username,
    String notificationPreference,
    long version,
    Instant updatedAt,
    @Nullable String email,
    @Nullable String role,
    @Nullable Boolean emailVerified) {
  public static final String NAME = "app/account.profile-updated";

  public AccountProfileUpdated {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(notificationPreference, "notificationPreference");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
