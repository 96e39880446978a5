package com.ticketbounty.serviceweb.security;

import java.util.Objects;

/**
 * A signed-in ADMIN. A handler that declares a parameter of this type is reached only by an ADMIN
 * whose session has not ended: without a token the request is 401, with anyone else's (a user's, a
 * service's) 403 — decided where the handler is resolved, not by its path.
 *
 * @param caller the administrator
 */
public record AdminCaller(Caller caller) {
  public AdminCaller {
    Objects.requireNonNull(caller, "caller");
    if (!caller.isAdmin()) {
      throw new IllegalArgumentException("not an administrator: " + caller.describe());
    }
  }
}
