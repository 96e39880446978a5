package com.ticketbounty.ticket.application;

import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketDetails;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ticket in the words of the event contracts (priorities in lower case, content as description).
 */
final class TicketContracts {
  private TicketContracts() {}

  static TicketCreated created(Ticket ticket, String ownerEmail) {
    TicketDetails details = ticket.details();
    return new TicketCreated(
        ticket.id(),
        ticket.ownerId(),
        ownerEmail,
        details.title(),
        details.content(),
        priority(details.priority()),
        details.deadline(),
        details.bounty());
  }

  static TicketUpdated updated(Ticket ticket, List<String> changed) {
    TicketDetails details = ticket.details();
    return new TicketUpdated(
        ticket.id(),
        ticket.ownerId(),
        changed,
        details.title(),
        details.content(),
        ticket.status().name(),
        priority(details.priority()),
        details.deadline(),
        details.bounty(),
        ticket.assigneeId().orElse(null),
        ticket.version());
  }

  static TicketAssigned assigned(Ticket ticket, @Nullable UUID previousAssignee) {
    return new TicketAssigned(
        ticket.id(),
        ticket.ownerId(),
        ticket.assigneeId().orElse(null),
        previousAssignee,
        ticket.details().title(),
        ticket.version());
  }

  static TicketDeleted deleted(Ticket ticket) {
    return new TicketDeleted(ticket.id(), ticket.ownerId(), ticket.version());
  }

  private static String priority(Priority priority) {
    return priority.name().toLowerCase(Locale.ROOT);
  }
}
