package com.ticketbounty.ticket.application;

import static com.ticketbounty.ticket.application.TicketFixtures.ADA;
import static com.ticketbounty.ticket.application.TicketFixtures.BOB;
import static com.ticketbounty.ticket.application.TicketFixtures.LATER;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.events.ticket.TicketUpdated;
import com.ticketbounty.ticket.domain.BrokenRulesException;
import com.ticketbounty.ticket.domain.Given;
import com.ticketbounty.ticket.domain.NotTicketOwnerException;
import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketPatch;
import com.ticketbounty.ticket.domain.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ChangeTicketDetailsTest {
  private final TicketFixtures fakes = new TicketFixtures();
  private final ChangeTicketDetails changeDetails =
      new ChangeTicketDetails(
          fakes.tickets, fakes.accounts, fakes.events, fakes.unitOfWork, fakes.later);
  private final Ticket ticket = fakes.adasTicket();

  private static TicketPatch titleAndPriority(String title, Priority priority) {
    return new TicketPatch(Given.of(title), null, null, null, Given.of(priority));
  }

  @Test
  void changesTheGivenFieldsAndAnnouncesThemWithTheWholeTicket() {
    TicketView view =
        changeDetails
            .change(ADA, ticket.id(), titleAndPriority("Fix sign-in", Priority.LOW))
            .block();

    Ticket changed = view.ticket();
    assertThat(changed.details().title()).isEqualTo("Fix sign-in");
    assertThat(changed.details().priority()).isEqualTo(Priority.LOW);
    assertThat(changed.details().content()).isEqualTo(ticket.details().content());
    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.updatedAt()).isEqualTo(LATER);
    assertThat(view.ownerName()).isEqualTo("ada");
    assertThat(fakes.tickets.stored(ticket.id()).get().version()).isEqualTo(2);
    assertThat(fakes.events.published())
        .containsExactly(
            new TicketUpdated(
                ticket.id(),
                ADA,
                List.of("title", "priority"),
                "Fix sign-in",
                "The sign-in button does nothing on Safari.",
                "OPEN",
                "low",
                LocalDate.of(2026, 12, 24),
                5000,
                null,
                2));
  }

  @Test
  void storesAndAnnouncesNothingWhenTheValuesAreTheCurrentOnes() {
    TicketView view =
        changeDetails
            .change(ADA, ticket.id(), titleAndPriority("Fix the login page", Priority.URGENT))
            .block();

    assertThat(view.ticket().version()).isEqualTo(1);
    assertThat(view.ticket().updatedAt()).isEqualTo(ticket.updatedAt());
    assertThat(fakes.events.published()).isEmpty();
  }

  @Test
  void refusesAnotherUserAndChangesNothing() {
    StepVerifier.create(
            changeDetails.change(BOB, ticket.id(), titleAndPriority("Bob's now", Priority.LOW)))
        .expectError(NotTicketOwnerException.class)
        .verify();

    assertThat(fakes.tickets.stored(ticket.id()).get().details().title())
        .isEqualTo("Fix the login page");
    assertThat(fakes.events.published()).isEmpty();
  }

  @Test
  void refusesBrokenRulesAndAnEmptyPatch() {
    TicketPatch broken = new TicketPatch(null, null, Given.of("2026-02-30"), Given.of(1L), null);

    StepVerifier.create(changeDetails.change(ADA, ticket.id(), broken))
        .expectErrorSatisfies(
            error ->
                assertThat(((BrokenRulesException) error).violations())
                    .extracting(Violation::field)
                    .containsExactly("deadline", "bounty"))
        .verify();
    StepVerifier.create(
            changeDetails.change(ADA, ticket.id(), new TicketPatch(null, null, null, null, null)))
        .expectError(BrokenRulesException.class)
        .verify();
    assertThat(fakes.tickets.stored(ticket.id()).get().version()).isEqualTo(1);
    assertThat(fakes.events.published()).isEmpty();
  }

  @Test
  void failsWithNotFoundForAnUnknownTicket() {
    StepVerifier.create(
            changeDetails.change(ADA, UUID.randomUUID(), titleAndPriority("x", Priority.LOW)))
        .expectError(TicketNotFoundException.class)
        .verify();
  }

  @Test
  void keepsTheOldTicketWhenTheEventCannotBeWritten() {
    fakes.events.failNext();

    StepVerifier.create(
            changeDetails.change(ADA, ticket.id(), titleAndPriority("Fix sign-in", Priority.LOW)))
        .expectErrorMessage("outbox unavailable")
        .verify();

    assertThat(fakes.tickets.stored(ticket.id()).get().version()).isEqualTo(1);
    assertThat(fakes.unitOfWork.rollbacks()).isEqualTo(1);
  }
}
