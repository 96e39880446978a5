package com.ticketbounty.events.account;

import com.ticketbounty.eventruntime.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account's password was changed (by the user, or through a reset link). The user is told by
 * e-mail, and an audit-log row is written.
 *
 * @param userId the account
 * @param email where the notice goes
 * @param how {@code changed} (PUT /api/account/password) or {@code reset} (a reset link)
 * @param changedAt when
 */
@EventType(name = PasswordChanged.NAME, version = "1.0")
public record PasswordChanged(UUID userId, String email, String how, Instant changedAt) {
  public static final String NAME = "app/account.password-changed";

  public PasswordChanged {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(how, "how");
    Objects.requireNonNull(changedAt, "changedAt");
  }
}
