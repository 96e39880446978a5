package com.ticketbounty.serviceweb.security;

import java.util.Objects;

/**
 * Who may call a service's {@code /internal/**} endpoints: another service (a service token) or a
 * signed-in ADMIN. A handler that declares a parameter of this type refuses everyone else — 401
 * without a token, 403 for a user's — however its path was spelled; {@link InternalRoutesGuarded}
 * makes sure no {@code /internal} handler forgets to declare one.
 *
 * @param who the service or the administrator
 */
public record InternalCaller(Authenticated who) {
  public InternalCaller {
    Objects.requireNonNull(who, "who");
    if (who instanceof Caller caller && !caller.isAdmin()) {
      throw new IllegalArgumentException("a user is no internal caller: " + caller.describe());
    }
  }
}
