package com.ticketbounty.ticket.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ticket: a piece of work its owner offers a bounty for. Its details always obey the rules of
 * {@link TicketDetails}; it is {@link TicketStatus#OPEN}, unassigned and at version 1 when opened.
 * Only its owner changes it; every change that changes something raises the version by one and
 * moves {@code updatedAt}, a change that changes nothing leaves the ticket as it was.
 */
public final class Ticket {
  private final UUID id;
  private final UUID ownerId;
  private final TicketDetails details;
  private final TicketStatus status;
  private final @Nullable UUID assigneeId;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  private Ticket(
      Ticket before,
      TicketDetails details,
      TicketStatus status,
      @Nullable UUID assignee,
      Clock clock) {
    this(
        before.id,
        before.ownerId,
        details,
        status,
        assignee,
        before.createdAt,
        now(clock),
        before.version + 1);
  }

  private Ticket(
      UUID id,
      UUID ownerId,
      TicketDetails details,
      TicketStatus status,
      @Nullable UUID assigneeId,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
    this.details = Objects.requireNonNull(details, "details");
    this.status = Objects.requireNonNull(status, "status");
    this.assigneeId = assigneeId;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("a ticket's version starts at 1, not " + version);
    }
    this.version = version;
  }

  /** A new ticket of {@code ownerId}: open, unassigned, version 1, created and updated now. */
  public static Ticket open(UUID id, UUID ownerId, TicketDetails details, Clock clock) {
    Instant now = now(clock);
    return new Ticket(id, ownerId, details, TicketStatus.OPEN, null, now, now, 1);
  }

  /** A ticket as it was stored. */
  public static Ticket restore(
      UUID id,
      UUID ownerId,
      TicketDetails details,
      TicketStatus status,
      @Nullable UUID assigneeId,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new Ticket(id, ownerId, details, status, assigneeId, createdAt, updatedAt, version);
  }

  /**
   * @throws NotTicketOwnerException unless {@code userId} owns this ticket
   */
  public void checkOwner(UUID userId) {
    if (!ownerId.equals(userId)) {
      throw new NotTicketOwnerException(id);
    }
  }

  /**
   * The owner changes some of the details.
   *
   * @throws NotTicketOwnerException when {@code actor} is not the owner (checked before the rules)
   * @throws BrokenRulesException when the patch is empty or breaks a rule
   */
  public TicketChange changeDetails(UUID actor, TicketPatch patch, Clock clock) {
    checkOwner(actor);
    TicketDetails patched = details.patchedWith(patch);
    List<String> changed = patched.fieldsChangedFrom(details);
    return changed.isEmpty()
        ? unchanged()
        : new TicketChange(this, new Ticket(this, patched, status, assigneeId, clock), changed);
  }

  /**
   * The owner moves the ticket to {@code newStatus}; null (the caller sent none) is a broken rule.
   *
   * @throws NotTicketOwnerException when {@code actor} is not the owner
   */
  public TicketChange changeStatus(UUID actor, @Nullable TicketStatus newStatus, Clock clock) {
    checkOwner(actor);
    new Violations().require(newStatus != null, "status", "is required").throwIfAny();
    return newStatus == status
        ? unchanged()
        : new TicketChange(
            this, new Ticket(this, details, newStatus, assigneeId, clock), List.of("status"));
  }

  /**
   * The owner gives the ticket to {@code assignee}, or to nobody when it is null. Whether the
   * assignee is a known account is for the caller of this method to know.
   *
   * @throws NotTicketOwnerException when {@code actor} is not the owner
   */
  public TicketChange assign(UUID actor, @Nullable UUID assignee, Clock clock) {
    checkOwner(actor);
    return Objects.equals(assignee, assigneeId)
        ? unchanged()
        : new TicketChange(
            this, new Ticket(this, details, status, assignee, clock), List.of("assignee"));
  }

  private TicketChange unchanged() {
    return new TicketChange(this, this, List.of());
  }

  // Kept to the microsecond, the precision the store keeps, so that a ticket reads back exactly as
  // it was answered.
  private static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
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

  /** 1 when opened, one more for every change that changed something. */
  public long version() {
    return version;
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
    return "Ticket[" + id + ", " + status + ", v" + version + "]";
  }
}
