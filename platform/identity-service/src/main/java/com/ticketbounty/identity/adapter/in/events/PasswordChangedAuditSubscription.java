package com.ticketbounty.identity.adapter.in.events;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.identity.application.RecordPasswordChange;
import java.time.Duration;

/**
 * Identity's consumer of {@code app/account.password-changed} (DESIGN §8): an audit row per event.
 * event-runtime drops a redelivery it has recorded; the row's unique event id covers a handler that
 * ran but whose delivery was not recorded (a crash in between).
 */
public final class PasswordChangedAuditSubscription {
  public static final String ID = "password-changed-audit";
  // The handler runs on event-runtime's consumer pool, not on an event loop: waiting is allowed.
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private PasswordChangedAuditSubscription() {}

  public static Subscription<PasswordChanged> of(RecordPasswordChange recordPasswordChange) {
    return new Subscription<>(
        ID,
        PasswordChanged.class,
        delivery ->
            recordPasswordChange.record(delivery.event().id(), delivery.data()).block(TIMEOUT));
  }
}
