package com.ticketbounty.notification.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * What the confirmation e-mail needs to know about a ticket that was just opened.
 *
 * @param ticketId the ticket
 * @param title its title, as the owner typed it (untrusted text)
 * @param ownerEmail where the confirmation goes
 */
public record OpenedTicket(UUID ticketId, String title, String ownerEmail) {
  public OpenedTicket {
    Objects.requireNonNull(ticketId, "ticketId");
    if (title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    if (ownerEmail.isBlank()) {
      throw new IllegalArgumentException("ownerEmail must not be blank");
    }
  }
}
