package com.ticketbounty.serviceweb.security;

import java.time.Instant;
import java.util.UUID;

/**
 * The sessions that have ended (sign-out, password change or reset): their access tokens are
 * refused although their signature and expiry are fine. Fed by {@code app/auth.session-ended}; an
 * id need only be kept until the last token of its session expires. identity-service, which owns
 * sessions, provides its own bean and this module's backs off.
 */
public interface EndedSessions {
  /** Blocking. */
  boolean hasEnded(UUID sessionId);

  /** Blocking and idempotent. */
  void end(UUID sessionId, Instant keepUntil);
}
