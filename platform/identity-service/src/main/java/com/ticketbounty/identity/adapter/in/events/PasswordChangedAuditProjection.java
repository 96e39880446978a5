package com.ticketbounty.identity.adapter.in.events;

import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.identity.application.RecordPasswordChange;

/**
 * Identity's consumer of {@code app/account.password-changed} (DESIGN §8): an audit row per event,
 * written with R2DBC in the transaction that records the event in the projection's inbox, so a
 * redelivery is dropped (the row's unique event id is a second guard).
 */
public final class PasswordChangedAuditProjection {
  private PasswordChangedAuditProjection() {}

  public static Projection<PasswordChanged> of(RecordPasswordChange recordPasswordChange) {
    return Projection.reactive(
        PasswordChanged.class,
        delivery -> recordPasswordChange.record(delivery.event().id(), delivery.data()));
  }
}
