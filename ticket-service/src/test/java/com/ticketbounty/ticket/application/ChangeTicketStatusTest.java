package com.ticketbounty.ticket.application;

import static com.ticketbounty.ticket.application.TicketFixtures.ADA;
import static com.ticketbounty.ticket.application.TicketFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.events.ticket.TicketUpdated;
import com.ticketbounty.ticket.domain.BrokenRulesException;
import com.ticketbounty.ticket.domain.NotTicketOwnerException;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ChangeTicketStatusTest {
  private final TicketFixtures fakes = new TicketFixtures();
  private final ChangeTicketStatus changeStatus =
      new ChangeTicketStatus(
          fakes.tickets, fakes.accounts, fakes.events, fakes.unitOfWork, fakes.later);
  private final Ticket ticket = fakes.adasTicket();

  @Test
  void movesTheTicketAndAnnouncesTheStatusAsChanged() {
    TicketView view = changeStatus.change(ADA, ticket.id(), TicketStatus.IN_PROGRESS).block();

    assertThat(view.ticket().status()).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(view.ticket().version()).isEqualTo(2);
    assertThat(fakes.events.published())
        .singleElement()
        .isInstanceOfSatisfying(
            TicketUpdated.class,
            event -> {
              assertThat(event.changed()).isEqualTo(List.of("status"));
              assertThat(event.status()).isEqualTo("IN_PROGRESS");
              assertThat(event.title()).isEqualTo("Fix the login page");
              assertThat(event.version()).isEqualTo(2);
            });
  }

  @Test
  void announcesNothingForTheStatusTheTicketHas() {
    TicketView view = changeStatus.change(ADA, ticket.id(), TicketStatus.OPEN).block();

    assertThat(view.ticket().version()).isEqualTo(1);
    assertThat(fakes.events.published()).isEmpty();
  }

  @Test
  void refusesAnotherUserAndAMissingStatus() {
    StepVerifier.create(changeStatus.change(BOB, ticket.id(), TicketStatus.DONE))
        .expectError(NotTicketOwnerException.class)
        .verify();
    StepVerifier.create(changeStatus.change(ADA, ticket.id(), null))
        .expectError(BrokenRulesException.class)
        .verify();

    assertThat(fakes.tickets.stored(ticket.id()).get().status()).isEqualTo(TicketStatus.OPEN);
    assertThat(fakes.events.published()).isEmpty();
  }

  @Test
  void failsWithNotFoundForAnUnknownTicket() {
    StepVerifier.create(changeStatus.change(ADA, UUID.randomUUID(), TicketStatus.DONE))
        .expectError(TicketNotFoundException.class)
        .verify();
  }
}
