package com.ticketbounty.events.account;

import com.ticketbounty.eventruntime.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account was created at sign-up. Published by identity-service in the transaction that saves
 * the account; other services keep read models of usernames (and notification-service of e-mail
 * addresses) from it.
 *
 * @param userId the account (the aggregate)
 * @param username the username
 * @param email the e-mail address
 * @param role {@code USER} or {@code ADMIN}
 * @param notificationPreference {@code immediate}, {@code daily-digest} or {@code off}
 * @param version the account's version, 1 at creation: read models keep the highest they have seen
 * @param createdAt when it was created
 */
@EventType(name = AccountCreated.NAME, version = "1.0")
public record AccountCreated(
    UUID userId,
    String username,
    String email,
    String role,
    String notificationPreference,
    long version,
    Instant createdAt) {
  public static final String NAME = "app/account.created";

  public AccountCreated {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(notificationPreference, "notificationPreference");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
