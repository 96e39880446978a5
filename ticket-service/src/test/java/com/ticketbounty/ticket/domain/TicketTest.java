package com.ticketbounty.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123456789Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Clock LATER = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);
  private static final TicketDetails DETAILS =
      new TicketDetails("Fix login", "It fails", LocalDate.of(2026, 12, 24), 5000, Priority.HIGH);
  private static final UUID OWNER = UUID.randomUUID();
  private static final UUID STRANGER = UUID.randomUUID();

  private static Ticket opened() {
    return Ticket.open(UUID.randomUUID(), OWNER, DETAILS, CLOCK);
  }

  @Test
  void opensAsOpenUnassignedTicketOfItsOwnerAtVersionOne() {
    UUID id = UUID.randomUUID();

    Ticket ticket = Ticket.open(id, OWNER, DETAILS, CLOCK);

    assertThat(ticket.id()).isEqualTo(id);
    assertThat(ticket.ownerId()).isEqualTo(OWNER);
    assertThat(ticket.details()).isEqualTo(DETAILS);
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.assigneeId()).isEmpty();
    assertThat(ticket.version()).isEqualTo(1);
  }

  @Test
  void takesCreatedAndUpdatedTimeFromTheClockToTheMicrosecond() {
    Ticket ticket = opened();

    Instant expected = Instant.parse("2026-11-27T10:15:30.123456Z");
    assertThat(ticket.createdAt()).isEqualTo(expected);
    assertThat(ticket.updatedAt()).isEqualTo(expected);
  }

  @Test
  void isTheSameTicketWhenTheIdIsTheSame() {
    UUID id = UUID.randomUUID();
    Ticket opened = Ticket.open(id, UUID.randomUUID(), DETAILS, CLOCK);
    Ticket restored =
        Ticket.restore(
            id, UUID.randomUUID(), DETAILS, TicketStatus.DONE, UUID.randomUUID(), NOW, NOW, 7);

    assertThat(restored).isEqualTo(opened).hasSameHashCodeAs(opened);
    assertThat(Ticket.open(UUID.randomUUID(), opened.ownerId(), DETAILS, CLOCK))
        .isNotEqualTo(opened);
  }

  @Test
  void changesDetailsRaisingTheVersionAndTheUpdateTime() {
    Ticket ticket = opened();

    TicketChange change =
        ticket.changeDetails(
            OWNER, new TicketPatch(Given.of("Fix sign-in"), null, null, null, null), LATER);

    assertThat(change.changed()).containsExactly("title");
    assertThat(change.before()).isSameAs(ticket);
    assertThat(change.ticket().details().title()).isEqualTo("Fix sign-in");
    assertThat(change.ticket().version()).isEqualTo(2);
    assertThat(change.ticket().updatedAt())
        .isEqualTo(NOW.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    assertThat(change.ticket().createdAt()).isEqualTo(ticket.createdAt());
  }

  @Test
  void leavesTheTicketAsItWasWhenAChangeChangesNothing() {
    Ticket ticket = opened();

    TicketChange details =
        ticket.changeDetails(
            OWNER, new TicketPatch(null, null, null, Given.of(5000L), null), LATER);
    TicketChange status = ticket.changeStatus(OWNER, TicketStatus.OPEN, LATER);
    TicketChange assignee = ticket.assign(OWNER, null, LATER);

    for (TicketChange change : new TicketChange[] {details, status, assignee}) {
      assertThat(change.changedSomething()).isFalse();
      assertThat(change.ticket()).isSameAs(ticket);
      assertThat(change.ticket().version()).isEqualTo(1);
    }
  }

  @Test
  void changesStatus() {
    TicketChange change = opened().changeStatus(OWNER, TicketStatus.IN_PROGRESS, LATER);

    assertThat(change.changed()).containsExactly("status");
    assertThat(change.ticket().status()).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(change.ticket().version()).isEqualTo(2);
  }

  @Test
  void rejectsAMissingStatus() {
    assertThatThrownBy(() -> opened().changeStatus(OWNER, null, LATER))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations()).containsExactly(new Violation("status", "is required")));
  }

  @Test
  void assignsAndUnassigns() {
    UUID assignee = UUID.randomUUID();

    TicketChange assigned = opened().assign(OWNER, assignee, LATER);
    TicketChange unassigned = assigned.ticket().assign(OWNER, null, LATER);

    assertThat(assigned.changed()).containsExactly("assignee");
    assertThat(assigned.ticket().assigneeId()).contains(assignee);
    assertThat(unassigned.ticket().assigneeId()).isEmpty();
    assertThat(unassigned.before().assigneeId()).contains(assignee);
    assertThat(unassigned.ticket().version()).isEqualTo(3);
  }

  @Test
  void letsOnlyTheOwnerChangeIt() {
    Ticket ticket = opened();
    TicketPatch patch = new TicketPatch(Given.of("Mine now"), null, null, null, null);

    assertThatThrownBy(() -> ticket.changeDetails(STRANGER, patch, LATER))
        .isInstanceOf(NotTicketOwnerException.class);
    assertThatThrownBy(() -> ticket.changeStatus(STRANGER, TicketStatus.DONE, LATER))
        .isInstanceOf(NotTicketOwnerException.class);
    assertThatThrownBy(() -> ticket.assign(STRANGER, STRANGER, LATER))
        .isInstanceOf(NotTicketOwnerException.class);
    assertThatThrownBy(() -> ticket.checkOwner(STRANGER))
        .isInstanceOfSatisfying(
            NotTicketOwnerException.class, e -> assertThat(e.ticketId()).isEqualTo(ticket.id()));
  }

  @Test
  void checksTheOwnerBeforeTheRules() {
    TicketPatch broken = new TicketPatch(Given.of(""), null, null, null, null);

    assertThatThrownBy(() -> opened().changeDetails(STRANGER, broken, LATER))
        .isInstanceOf(NotTicketOwnerException.class);
    assertThatThrownBy(() -> opened().changeStatus(STRANGER, null, LATER))
        .isInstanceOf(NotTicketOwnerException.class);
  }

  @Test
  void refusesAVersionBelowOne() {
    assertThatThrownBy(
            () ->
                Ticket.restore(
                    UUID.randomUUID(), OWNER, DETAILS, TicketStatus.OPEN, null, NOW, NOW, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
