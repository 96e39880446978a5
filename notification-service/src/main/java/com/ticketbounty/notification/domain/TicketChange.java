package com.ticketbounty.notification.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A change of a ticket's details or status that its participants are told about.
 *
 * @param ticketId the ticket
 * @param title its title now
 * @param changed the names of the fields that changed ({@code title}, {@code status}, …)
 * @param status its status now
 */
public record TicketChange(UUID ticketId, String title, List<String> changed, String status) {
  public TicketChange {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(title, "title");
    changed = List.copyOf(changed);
    Objects.requireNonNull(status, "status");
  }
}
