package com.ticketbounty.serviceweb.security;

import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in user a verified access token speaks for. A controller receives it by declaring a
 * parameter of this type (the request is 401 without a valid token, 403 with a service's) or of
 * {@code Optional<Caller>} (public endpoints that read the caller when there is one).
 *
 * @param userId the account ({@code sub})
 * @param sessionId the session the token belongs to ({@code sid})
 * @param role {@code USER} or {@code ADMIN}
 * @param username the username when the token was issued
 * @param email the e-mail address when the token was issued
 */
public record Caller(UUID userId, UUID sessionId, String role, String username, String email)
    implements Authenticated {
  public static final String ADMIN = "ADMIN";

  public Caller {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(email, "email");
  }

  public boolean isAdmin() {
    return ADMIN.equals(role);
  }

  @Override
  public String describe() {
    return (isAdmin() ? "admin " : "user ") + userId;
  }
}
