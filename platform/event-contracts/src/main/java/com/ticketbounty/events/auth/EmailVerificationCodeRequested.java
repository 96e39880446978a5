package com.ticketbounty.events.auth;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.Sensitive;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A new e-mail verification code was issued: it is e-mailed to the user.
 *
 * @param userId the account
 * @param email where the code goes
 * @param username the username
 * @param code the 8-letter code, sealed on the wire
 * @param expiresAt when the code stops working
 */
@EventType(name = EmailVerificationCodeRequested.NAME, version = "1.0")
public record EmailVerificationCodeRequested(
    UUID userId, String email, String username, @Sensitive String code, Instant expiresAt) {
  public static final String NAME = "app/auth.send-email-verification-code-function";

  public EmailVerificationCodeRequested {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
