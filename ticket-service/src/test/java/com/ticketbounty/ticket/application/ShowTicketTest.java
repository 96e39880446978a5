package com.ticketbounty.ticket.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketDetails;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ShowTicketTest {
  private final InMemoryTickets tickets = new InMemoryTickets();
  private final ShowTicket showTicket = new ShowTicket(tickets);

  @Test
  void showsAStoredTicket() {
    Ticket ticket =
        Ticket.open(
            UUID.randomUUID(),
            UUID.randomUUID(),
            new TicketDetails("title", "content", LocalDate.of(2026, 12, 24), 500, Priority.LOW),
            Clock.systemUTC());
    tickets.add(ticket).block();

    assertThat(showTicket.show(ticket.id()).block()).isEqualTo(ticket);
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
