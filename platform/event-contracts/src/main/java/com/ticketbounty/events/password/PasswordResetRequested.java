package com.ticketbounty.events.password;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.Sensitive;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A password reset was requested for an existing account: identity-service created a reset token,
 * and the link that carries it is e-mailed.
 *
 * @param userId the account
 * @param email where the link goes
 * @param resetLink the link with the token, sealed on the wire
 * @param expiresAt when the token stops working
 */
@EventType(name = PasswordResetRequested.NAME, version = "1.0")
public record PasswordResetRequested(
    UUID userId, String email, @Sensitive String resetLink, Instant expiresAt) {
  public static final String NAME = "app/password.password-reset-function";

  public PasswordResetRequested {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(resetLink, "resetLink");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
