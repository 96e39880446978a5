package com.ticketbounty.ticket.application;

import static com.ticketbounty.ticket.application.TicketFixtures.ADA;
import static com.ticketbounty.ticket.application.TicketFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.ticket.domain.BrokenRulesException;
import com.ticketbounty.ticket.domain.Given;
import com.ticketbounty.ticket.domain.NotTicketOwnerException;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.Violation;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class AssignTicketTest {
  private final TicketFixtures fakes = new TicketFixtures();
  private final AssignTicket assignTicket =
      new AssignTicket(fakes.tickets, fakes.accounts, fakes.events, fakes.unitOfWork, fakes.later);
  private final Ticket ticket = fakes.adasTicket();

  @Test
  void assignsAKnownAccountAndAnnouncesIt() {
    TicketView view = assignTicket.assign(ADA, ticket.id(), Given.of(BOB)).block();

    assertThat(view.ticket().assigneeId()).contains(BOB);
    assertThat(view.assigneeName()).isEqualTo("bob");
    assertThat(fakes.events.published())
        .containsExactly(new TicketAssigned(ticket.id(), ADA, BOB, null, "Fix the login page", 2));
  }

  @Test
  void unassignsAndNamesWhoHadIt() {
    assignTicket.assign(ADA, ticket.id(), Given.of(BOB)).block();

    TicketView view = assignTicket.assign(ADA, ticket.id(), Given.of(null)).block();

    assertThat(view.ticket().assigneeId()).isEmpty();
    assertThat(view.ticket().version()).isEqualTo(3);
    assertThat(fakes.events.published())
        .last()
        .isEqualTo(new TicketAssigned(ticket.id(), ADA, null, BOB, "Fix the login page", 3));
  }

  @Test
  void announcesNothingWhenTheAssigneeStaysTheSame() {
    assignTicket.assign(ADA, ticket.id(), Given.of(BOB)).block();
    assignTicket.assign(ADA, ticket.id(), Given.of(BOB)).block();

    assertThat(fakes.events.published()).hasSize(1);
    assertThat(fakes.tickets.stored(ticket.id()).get().version()).isEqualTo(2);
  }

  @Test
  void refusesAnUnknownAccountNamingUserId() {
    StepVerifier.create(assignTicket.assign(ADA, ticket.id(), Given.of(UUID.randomUUID())))
        .expectErrorSatisfies(
            error ->
                assertThat(((BrokenRulesException) error).violations())
                    .containsExactly(new Violation("userId", "is not a known account")))
        .verify();
    assertThat(fakes.events.published()).isEmpty();
  }

  @Test
  void refusesABodyWithoutUserId() {
    StepVerifier.create(assignTicket.assign(ADA, ticket.id(), null))
        .expectErrorSatisfies(
            error ->
                assertThat(((BrokenRulesException) error).violations())
                    .extracting(Violation::field)
                    .containsExactly("userId"))
        .verify();
  }

  @Test
  void refusesAnotherUserBeforeLookingAtTheAssignee() {
    StepVerifier.create(assignTicket.assign(BOB, ticket.id(), Given.of(UUID.randomUUID())))
        .expectError(NotTicketOwnerException.class)
        .verify();
    StepVerifier.create(assignTicket.assign(BOB, ticket.id(), null))
        .expectError(NotTicketOwnerException.class)
        .verify();
    assertThat(fakes.tickets.stored(ticket.id()).get().assigneeId()).isEmpty();
  }

  @Test
  void failsWithNotFoundForAnUnknownTicket() {
    StepVerifier.create(assignTicket.assign(ADA, UUID.randomUUID(), Given.of(BOB)))
        .expectError(TicketNotFoundException.class)
        .verify();
  }
}
