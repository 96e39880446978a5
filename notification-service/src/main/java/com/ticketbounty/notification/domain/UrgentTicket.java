package com.ticketbounty.notification.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An urgent ticket the administrators are told about.
 *
 * @param ticketId the ticket
 * @param title its title (untrusted text)
 * @param deadline its deadline
 * @param bounty its bounty in cents
 */
public record UrgentTicket(UUID ticketId, String title, LocalDate deadline, long bounty) {
  public UrgentTicket {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(deadline, "deadline");
  }
}
