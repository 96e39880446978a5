package com.ticketbounty.serviceweb.security;

import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.auth.SessionEnded;

/**
 * {@code app/auth.session-ended} → the service's {@link EndedSessions}, a projection whose queue is
 * {@code <prefix><service>.session-ended}.
 */
final class SessionEndedProjection {
  private SessionEndedProjection() {}

  static Projection<SessionEnded> feeding(EndedSessions endedSessions) {
    return Projection.of(
        SessionEnded.class,
        delivery ->
            endedSessions.end(delivery.data().sessionId(), delivery.data().tokensValidUntil()));
  }
}
