package com.ticketbounty.ticket.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketDetails;
import com.ticketbounty.ticket.domain.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OpenTicketTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final UUID OWNER = UUID.fromString("3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1f");
  private static final TicketDetails DETAILS =
      new TicketDetails(
          "Fix the login page",
          "The sign-in button does nothing on Safari.",
          LocalDate.of(2026, 12, 24),
          5000,
          Priority.URGENT);

  private final InMemoryTickets tickets = new InMemoryTickets();
  private final RecordingTicketEvents events = new RecordingTicketEvents();
  private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  private final OpenTicket openTicket =
      new OpenTicket(tickets, events, unitOfWork, Clock.fixed(NOW, ZoneOffset.UTC));

  private final OpenTicketCommand command =
      new OpenTicketCommand(OWNER, "ada@example.com", DETAILS);

  @Test
  void opensAnOpenUnassignedTicketOwnedByTheCaller() {
    Ticket ticket = openTicket.open(command).block();

    assertThat(ticket).isNotNull();
    assertThat(ticket.ownerId()).isEqualTo(OWNER);
    assertThat(ticket.details()).isEqualTo(DETAILS);
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.assigneeId()).isEmpty();
    assertThat(ticket.createdAt()).isEqualTo(NOW);
    assertThat(tickets.stored(ticket.id())).contains(ticket);
  }

  @Test
  void announcesTheTicketWithItsOwnersAddress() {
    Ticket ticket = openTicket.open(command).block();

    assertThat(events.published())
        .containsExactly(
            new TicketCreated(
                ticket.id(),
                OWNER,
                "ada@example.com",
                "Fix the login page",
                "The sign-in button does nothing on Safari.",
                "urgent",
                LocalDate.of(2026, 12, 24),
                5000));
  }

  @Test
  void storesTheTicketAndItsEventInOneTransaction() {
    openTicket.open(command).block();

    assertThat(unitOfWork.commits()).isEqualTo(1);
    assertThat(tickets.count()).isEqualTo(1);
    assertThat(events.published()).hasSize(1);
  }

  @Test
  void storesNothingWhenTheEventCannotBeWritten() {
    events.failNext();

    StepVerifier.create(openTicket.open(command)).expectErrorMessage("outbox unavailable").verify();

    assertThat(unitOfWork.rollbacks()).isEqualTo(1);
    assertThat(tickets.count()).isZero();
    assertThat(events.published()).isEmpty();
  }

  @Test
  void givesEveryTicketItsOwnId() {
    Ticket first = openTicket.open(command).block();
    Ticket second = openTicket.open(command).block();

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(tickets.count()).isEqualTo(2);
  }
}
