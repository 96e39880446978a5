package com.ticketbounty.notification.application;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as one of ticket-service's events describes it.
 *
 * @param ticketId the ticket
 * @param ownerId its owner
 * @param title its title, or null for a deletion
 * @param assigneeId its assignee, or null
 * @param version the ticket's version the event describes
 * @param deleted whether the event is its deletion
 */
public record TicketFacts(
    UUID ticketId,
    UUID ownerId,
    @Nullable String title,
    @Nullable UUID assigneeId,
    long version,
    boolean deleted) {
  public TicketFacts {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(ownerId, "ownerId");
  }
}
