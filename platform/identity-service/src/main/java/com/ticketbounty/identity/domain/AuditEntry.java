package com.ticketbounty.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audit-log row: who did what, when and from where. It carries no secret — no password, token,
 * code or link — by construction: nothing here takes one.
 *
 * @param userId the account concerned, when one is known
 * @param clientAddress where the request came from, when it came over HTTP
 * @param detail a short non-secret note, such as a session id or how a password changed
 * @param eventId the event the row was written for, which makes writing it again a no-op
 */
public record AuditEntry(
    AuditAction action,
    @Nullable UUID userId,
    @Nullable String clientAddress,
    @Nullable String detail,
    Instant occurredAt,
    @Nullable UUID eventId) {

  public AuditEntry {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** A row for something a caller did over HTTP. */
  public static AuditEntry of(
      AuditAction action,
      @Nullable UUID userId,
      String clientAddress,
      @Nullable String detail,
      Instant occurredAt) {
    return new AuditEntry(action, userId, clientAddress, detail, occurredAt, null);
  }
}
