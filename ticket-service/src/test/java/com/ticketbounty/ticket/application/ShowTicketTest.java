package com.ticketbounty.ticket.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.ticket.domain.Ticket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ShowTicketTest {
  private final TicketFixtures fakes = new TicketFixtures();
  private final ShowTicket showTicket = new ShowTicket(fakes.tickets, fakes.accounts);

  @Test
  void showsAStoredTicketWithItsOwnersAndAssigneesNames() {
    Ticket ticket = fakes.adasTicket();
    Ticket assigned = ticket.assign(TicketFixtures.ADA, TicketFixtures.BOB, fakes.later).ticket();
    fakes.tickets.update(assigned).block();

    TicketView view = showTicket.show(ticket.id()).block();

    assertThat(view.ticket()).isEqualTo(ticket);
    assertThat(view.ticket().version()).isEqualTo(2);
    assertThat(view.ownerName()).isEqualTo("ada");
    assertThat(view.assigneeName()).isEqualTo("bob");
  }

  @Test
  void showsNoNameForAnAccountItHasNotHeardOf() {
    Ticket ticket = fakes.adasTicket();
    UUID stranger = UUID.randomUUID();
    fakes.tickets.update(ticket.assign(TicketFixtures.ADA, stranger, fakes.later).ticket()).block();

    TicketView view = showTicket.show(ticket.id()).block();

    assertThat(view.ticket().assigneeId()).contains(stranger);
    assertThat(view.assigneeName()).isNull();
  }

  @Test
  void failsWithNotFoundForAnUnknownTicket() {
    UUID unknown = UUID.randomUUID();

    StepVerifier.create(showTicket.show(unknown))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOfSatisfying(
                        TicketNotFoundException.class,
                        e -> assertThat(e.ticketId()).isEqualTo(unknown)))
        .verify();
  }
}
