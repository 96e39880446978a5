package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.ticket.application.TicketPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of tickets as API.md shows it.
 *
 * @param list the tickets of the page
 * @param metadata {@code count} of all matches, and whether a next page has more
 */
@Schema(name = "TicketPage")
record TicketListResponse(List<TicketResponse> list, Metadata metadata) {

  @Schema(name = "TicketPageMetadata")
  record Metadata(long count, boolean hasNextPage) {}

  static TicketListResponse of(TicketPage page) {
    return new TicketListResponse(
        page.tickets().stream().map(TicketResponse::of).toList(),
        new Metadata(page.count(), page.hasNextPage()));
  }
}
