package com.ticketbounty.identity.application;

import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Identity's own consumer of {@code app/account.password-changed} (DESIGN §8) writes its audit row.
 * The row is keyed by the event's id, so a redelivered event writes nothing more.
 */
public final class RecordPasswordChange {
  private final AuditLog audit;

  public RecordPasswordChange(AuditLog audit) {
    this.audit = audit;
  }

  public Mono<Void> record(UUID eventId, PasswordChanged event) {
    return audit.record(
        new AuditEntry(
            AuditAction.PASSWORD_CHANGE_ANNOUNCED,
            event.userId(),
            null,
            "how " + event.how(),
            event.changedAt(),
            eventId));
  }
}
