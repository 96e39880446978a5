package com.ticketbounty.ticket.application;

import static com.ticketbounty.ticket.application.TicketFixtures.ADA;
import static com.ticketbounty.ticket.application.TicketFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTicketsTest {
  private final TicketFixtures fakes = new TicketFixtures();
  private final SearchTickets searchTickets =
      new SearchTickets(new InMemoryFindTickets(fakes.tickets, fakes.accounts));

  private static TicketQuery query(String search, TicketStatus status, int page, int size) {
    return new TicketQuery(search, status, null, TicketQuery.SortKey.CREATED_AT, false, page, size);
  }

  @Test
  void answersThePageItsPortFindsWithTheUsernames() {
    Ticket ticket = fakes.adasTicket();

    TicketPage page = searchTickets.search(query("ADA", null, 0, 10)).block();

    assertThat(page.tickets()).extracting(TicketView::ticket).containsExactly(ticket);
    assertThat(page.tickets().get(0).ownerName()).isEqualTo("ada");
    assertThat(page.count()).isEqualTo(1);
    assertThat(page.hasNextPage()).isFalse();
  }

  @Test
  void passesFiltersAndPagingOn() {
    for (int i = 0; i < 12; i++) {
      fakes.adasTicket();
    }
    Ticket done = fakes.adasTicket().changeStatus(ADA, TicketStatus.DONE, fakes.later).ticket();
    fakes.tickets.update(done).block();

    TicketPage second = searchTickets.search(query(null, TicketStatus.OPEN, 1, 10)).block();
    TicketPage dones = searchTickets.search(query(null, TicketStatus.DONE, 0, 10)).block();

    assertThat(second.tickets()).hasSize(2);
    assertThat(second.count()).isEqualTo(12);
    assertThat(dones.tickets()).extracting(TicketView::ticket).containsExactly(done);
  }

  @Test
  void queryRefusesWhatTheApiDoesNotOffer() {
    assertThatThrownBy(() -> query(null, null, -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query(null, null, 0, 15)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query(" ", null, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(10, 20, 50, 100)).allSatisfy(size -> query(null, null, 0, size));
    assertThat(new TicketQuery(null, null, BOB, TicketQuery.SortKey.TITLE, true, 3, 20).offset())
        .isEqualTo(60);
  }
}
