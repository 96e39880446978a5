package com.ticketbounty.notification.domain;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as this service knows it from ticket-service's events: who owns it, what it is called,
 * who is assigned.
 *
 * @param ticketId the ticket
 * @param ownerId its owner
 * @param title its title, or null when only its deletion was seen
 * @param assigneeId its assignee, or null
 * @param deleted whether it was deleted (no one is told about a deleted ticket)
 */
public record KnownTicket(
    UUID ticketId,
    UUID ownerId,
    @Nullable String title,
    @Nullable UUID assigneeId,
    boolean deleted) {
  public KnownTicket {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(ownerId, "ownerId");
  }
}
