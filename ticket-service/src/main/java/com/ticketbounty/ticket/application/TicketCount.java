package com.ticketbounty.ticket.application;

import java.time.Instant;
import java.util.Objects;

/**
 * How many tickets exist, and how many of them were created at or after {@code since} — counted
 * together, so that the second is never more than the first.
 *
 * @param total every ticket that exists (a deleted ticket is gone)
 * @param createdSince those of them created at or after {@code since}
 * @param since the instant asked about
 */
public record TicketCount(long total, long createdSince, Instant since) {
  public TicketCount {
    Objects.requireNonNull(since, "since");
    if (createdSince < 0 || createdSince > total) {
      throw new IllegalArgumentException(
          "%d created since %s of %d tickets".formatted(createdSince, since, total));
    }
  }
}
