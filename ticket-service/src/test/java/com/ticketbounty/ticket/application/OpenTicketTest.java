package com.ticketbounty.ticket.application;

import static com.ticketbounty.ticket.application.TicketFixtures.DETAILS;
import static com.ticketbounty.ticket.application.TicketFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OpenTicketTest {
  private static final UUID CAROL = UUID.randomUUID();

  private final TicketFixtures fakes = new TicketFixtures();
  private final OpenTicket openTicket =
      new OpenTicket(
          fakes.tickets,
          fakes.accounts,
          fakes.events,
          fakes.unitOfWork,
          Clock.fixed(NOW, ZoneOffset.UTC));

  private final OpenTicketCommand command =
      new OpenTicketCommand(CAROL, "carol", "carol@example.com", DETAILS);

  @Test
  void opensAnOpenUnassignedTicketOwnedByTheCaller() {
    TicketView view = openTicket.open(command).block();

    Ticket ticket = view.ticket();
    assertThat(ticket.ownerId()).isEqualTo(CAROL);
    assertThat(ticket.details()).isEqualTo(DETAILS);
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.assigneeId()).isEmpty();
    assertThat(ticket.createdAt()).isEqualTo(NOW);
    assertThat(ticket.version()).isEqualTo(1);
    assertThat(fakes.tickets.stored(ticket.id())).contains(ticket);
  }

  @Test
  void remembersTheCallersUsernameAndShowsIt() {
    TicketView view = openTicket.open(command).block();

    assertThat(view.ownerName()).isEqualTo("carol");
    assertThat(view.assigneeName()).isNull();
    assertThat(fakes.accounts.all()).containsEntry(CAROL, "carol");
  }

  @Test
  void keepsTheUsernameTheAccountsEventsTold() {
    fakes.accounts.known(CAROL, "carol-renamed");

    TicketView view = openTicket.open(command).block();

    assertThat(view.ownerName()).isEqualTo("carol-renamed");
  }

  @Test
  void announcesTheTicketWithTheCallersAddress() {
    Ticket ticket = openTicket.open(command).block().ticket();

    assertThat(fakes.events.published())
        .containsExactly(
            new TicketCreated(
                ticket.id(),
                CAROL,
                "carol@example.com",
                "Fix the login page",
                "The sign-in button does nothing on Safari.",
                "urgent",
                LocalDate.of(2026, 12, 24),
                5000));
  }

  @Test
  void storesTheTicketTheNameAndTheEventInOneTransaction() {
    openTicket.open(command).block();

    assertThat(fakes.unitOfWork.commits()).isEqualTo(1);
    assertThat(fakes.tickets.count()).isEqualTo(1);
    assertThat(fakes.events.published()).hasSize(1);
  }

  @Test
  void storesNothingWhenTheEventCannotBeWritten() {
    fakes.events.failNext();

    StepVerifier.create(openTicket.open(command)).expectErrorMessage("outbox unavailable").verify();

    assertThat(fakes.unitOfWork.rollbacks()).isEqualTo(1);
    assertThat(fakes.tickets.count()).isZero();
    assertThat(fakes.accounts.all()).doesNotContainKey(CAROL);
    assertThat(fakes.events.published()).isEmpty();
  }

  @Test
  void givesEveryTicketItsOwnId() {
    Ticket first = openTicket.open(command).block().ticket();
    Ticket second = openTicket.open(command).block().ticket();

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(fakes.tickets.count()).isEqualTo(2);
  }
}
