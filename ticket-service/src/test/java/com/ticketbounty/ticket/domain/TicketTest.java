package com.ticketbounty.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123456789Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TicketDetails DETAILS =
      new TicketDetails("Fix login", "It fails", LocalDate.of(2026, 12, 24), 5000, Priority.HIGH);

  @Test
  void opensAsOpenUnassignedTicketOfItsOwner() {
    UUID id = UUID.randomUUID();
    UUID owner = UUID.randomUUID();

    Ticket ticket = Ticket.open(id, owner, DETAILS, CLOCK);

    assertThat(ticket.id()).isEqualTo(id);
    assertThat(ticket.ownerId()).isEqualTo(owner);
    assertThat(ticket.details()).isEqualTo(DETAILS);
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.assigneeId()).isEmpty();
  }

  @Test
  void takesCreatedAndUpdatedTimeFromTheClockToTheMicrosecond() {
    Ticket ticket = Ticket.open(UUID.randomUUID(), UUID.randomUUID(), DETAILS, CLOCK);

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
            id, UUID.randomUUID(), DETAILS, TicketStatus.DONE, UUID.randomUUID(), NOW, NOW);

    assertThat(restored).isEqualTo(opened).hasSameHashCodeAs(opened);
    assertThat(Ticket.open(UUID.randomUUID(), opened.ownerId(), DETAILS, CLOCK))
        .isNotEqualTo(opened);
  }
}
