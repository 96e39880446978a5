package com.ticketbounty.notification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The administrators' daily figures, as admin-digest-service counted them.
 *
 * @param periodStart the start of the "last 7 days"
 * @param periodEnd the tick the digest was prepared for
 * @param tickets tickets that exist, and those created in the period
 * @param users accounts
 * @param comments comments
 */
public record DigestFigures(
    Instant periodStart, Instant periodEnd, Count tickets, Count users, Count comments) {
  public DigestFigures {
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEnd, "periodEnd");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(comments, "comments");
  }

  /**
   * @param total how many exist
   * @param lastSevenDays how many of them were created in the period
   */
  public record Count(long total, long lastSevenDays) {}
}
