package com.ticketbounty.ticket.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a change did to a ticket: the ticket before and after it, and the names of the fields whose
 * value differs ({@code title}, {@code content}, {@code deadline}, {@code bounty}, {@code
 * priority}, {@code status}, {@code assignee}). A change that changed nothing names no field, and
 * the ticket after it is the one before, same version.
 */
public record TicketChange(Ticket before, Ticket ticket, List<String> changed) {

  public TicketChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(ticket, "ticket");
    changed = List.copyOf(changed);
  }

  public boolean changedSomething() {
    return !changed.isEmpty();
  }
}
