package com.ticketbounty.ticket.application;

import static com.ticketbounty.ticket.application.TicketFixtures.ADA;
import static com.ticketbounty.ticket.application.TicketFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.ticket.domain.NotTicketOwnerException;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class DeleteTicketTest {
  private final TicketFixtures fakes = new TicketFixtures();
  private final DeleteTicket deleteTicket =
      new DeleteTicket(fakes.tickets, fakes.accounts, fakes.events, fakes.unitOfWork);
  private final Ticket ticket = fakes.adasTicket();

  @Test
  void deletesTheTicketAndAnnouncesItsLastVersion() {
    Ticket done = ticket.changeStatus(ADA, TicketStatus.DONE, fakes.later).ticket();
    fakes.tickets.update(done).block();

    deleteTicket.delete(ADA, ticket.id()).block();

    assertThat(fakes.tickets.stored(ticket.id())).isEmpty();
    assertThat(fakes.events.published()).containsExactly(new TicketDeleted(ticket.id(), ADA, 2));
    assertThat(fakes.unitOfWork.commits()).isEqualTo(1);
  }

  @Test
  void refusesAnotherUserAndKeepsTheTicket() {
    StepVerifier.create(deleteTicket.delete(BOB, ticket.id()))
        .expectError(NotTicketOwnerException.class)
        .verify();

    assertThat(fakes.tickets.stored(ticket.id())).isPresent();
    assertThat(fakes.events.published()).isEmpty();
  }

  @Test
  void keepsTheTicketWhenTheEventCannotBeWritten() {
    fakes.events.failNext();

    StepVerifier.create(deleteTicket.delete(ADA, ticket.id()))
        .expectErrorMessage("outbox unavailable")
        .verify();

    assertThat(fakes.tickets.stored(ticket.id())).isPresent();
  }

  @Test
  void failsWithNotFoundForAnUnknownTicketOrOneAlreadyDeleted() {
    deleteTicket.delete(ADA, ticket.id()).block();

    StepVerifier.create(deleteTicket.delete(ADA, ticket.id()))
        .expectError(TicketNotFoundException.class)
        .verify();
    StepVerifier.create(deleteTicket.delete(ADA, UUID.randomUUID()))
        .expectError(TicketNotFoundException.class)
        .verify();
    assertThat(fakes.events.published()).hasSize(1);
  }
}
