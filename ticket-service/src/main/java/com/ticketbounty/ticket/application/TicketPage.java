package com.ticketbounty.ticket.application;

import java.util.List;

/**
 * One page of tickets.
 *
 * @param tickets the page, in the query's order
 * @param count how many tickets match the query on all pages
 * @param hasNextPage whether a page after this one holds more
 */
public record TicketPage(List<TicketView> tickets, long count, boolean hasNextPage) {

  public TicketPage {
    tickets = List.copyOf(tickets);
  }
}
