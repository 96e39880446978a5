package com.ticketbounty.ticket.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ticket: a piece of work its owner offers a bounty for. Its details always obey the rules of
 * {@link TicketDetails}; it is {@link TicketStatus#OPEN} and unassigned when opened.
 */
public final class Ticket {
  private final UUID id;
  private final UUID ownerId;
  private final TicketDetails details;
  private final TicketStatus status;
  private final @Nullable UUID assigneeId;
  private final Instant createdAt;
  private final Instant updatedAt;

  private Ticket(
      UUID id,
      UUID ownerId,
      TicketDetails details,
      TicketStatus status,
      @Nullable UUID assigneeId,
      Instant createdAt,
      Instant updatedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
    this.details = Objects.requireNonNull(details, "details");
    this.status = Objects.requireNonNull(status, "status");
    this.assigneeId = assigneeId;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new ticket of {@code ownerId}: open, unassigned, created and updated now. */
  public static Ticket open(UUID id, UUID ownerId, TicketDetails details, Clock clock) {
    // Kept to the microsecond, the precision the store keeps, so that a ticket reads back exactly
    // as it was answered when it was opened.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return new Ticket(id, ownerId, details, TicketStatus.OPEN, null, now, now);
  }

  /** A ticket as it was stored. */
  public static Ticket restore(
      UUID id,
      UUID ownerId,
      TicketDetails details,
      TicketStatus status,
      @Nullable UUID assigneeId,
      Instant createdAt,
      Instant updatedAt) {
    return new Ticket(id, ownerId, details, status, assigneeId, createdAt, updatedAt);
  }

  public UUID id() {
    return id;
  }

  public UUID ownerId() {
    return ownerId;
  }

  public TicketDetails details() {
    return details;
  }

  public TicketStatus status() {
    return status;
  }

  public Optional<UUID> assigneeId() {
    return Optional.ofNullable(assigneeId);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** Tickets are the same ticket when their ids are equal, whatever changed since. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Ticket ticket && ticket.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Ticket[" + id + ", " + status + "]";
  }
}
