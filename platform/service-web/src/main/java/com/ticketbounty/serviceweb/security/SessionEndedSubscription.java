package com.ticketbounty.serviceweb.security;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.events.auth.SessionEnded;

/** {@code app/auth.session-ended} → the service's {@link EndedSessions}. */
final class SessionEndedSubscription {
  static final String ID = "session-ended";

  private SessionEndedSubscription() {}

  static Subscription<SessionEnded> feeding(EndedSessions endedSessions) {
    return new Subscription<>(
        ID,
        SessionEnded.class,
        delivery ->
            endedSessions.end(delivery.data().sessionId(), delivery.data().tokensValidUntil()));
  }
}
