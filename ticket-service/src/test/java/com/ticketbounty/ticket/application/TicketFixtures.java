package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** The fakes a use case runs on, and a ticket of Ada's stored in them. */
final class TicketFixtures {
  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  static final Instant LATER = NOW.plusSeconds(90);
  static final UUID ADA = UUID.fromString("3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1f");
  static final UUID BOB = UUID.fromString("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
  static final TicketDetails DETAILS =
      new TicketDetails(
          "Fix the login page",
          "The sign-in button does nothing on Safari.",
          LocalDate.of(2026, 12, 24),
          5000,
          Priority.URGENT);

  final InMemoryTickets tickets = new InMemoryTickets();
  final InMemoryAccounts accounts = new InMemoryAccounts().known(ADA, "ada").known(BOB, "bob");
  final RecordingTicketEvents events = new RecordingTicketEvents();
  final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  final Clock later = Clock.fixed(LATER, ZoneOffset.UTC);

  /** A ticket of Ada's, opened {@link #NOW}, stored outside any transaction. */
  Ticket adasTicket() {
    Ticket ticket = Ticket.open(UUID.randomUUID(), ADA, DETAILS, Clock.fixed(NOW, ZoneOffset.UTC));
    tickets.add(ticket).block();
    return ticket;
  }
}
