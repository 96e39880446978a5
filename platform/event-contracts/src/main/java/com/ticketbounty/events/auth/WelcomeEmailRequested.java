package com.ticketbounty.events.auth;

import com.ticketbounty.eventruntime.EventType;
import java.util.Objects;
import java.util.UUID;

/**
 * A user signed up: the welcome e-mail is due after {@code WELCOME_EMAIL_DELAY}.
 *
 * @param userId the new account
 * @param email its e-mail address
 * @param username its username
 */
@EventType(name = WelcomeEmailRequested.NAME, version = "1.0")
public record WelcomeEmailRequested(UUID userId, String email, String username) {
  public static final String NAME = "app/auth.sign-up-welcome-email-function";

  public WelcomeEmailRequested {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(username, "username");
  }
}
