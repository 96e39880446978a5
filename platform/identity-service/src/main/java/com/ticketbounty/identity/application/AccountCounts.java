package com.ticketbounty.identity.application;

import java.time.Instant;
import java.util.Objects;

/**
 * How many accounts there are, and how many of them were created at or after {@code since}.
 *
 * @param total every account there is
 * @param createdSince the accounts created at or after {@code since}
 * @param since the instant the second figure counts from
 */
public record AccountCounts(long total, long createdSince, Instant since) {
  public AccountCounts {
    Objects.requireNonNull(since, "since");
  }
}
