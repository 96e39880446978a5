package com.ticketbounty.admindigest.domain;

import java.util.Objects;

/** The figures of one digest: each total and what of it was created during {@code period}. */
public record AdminDigest(DigestPeriod period, Count tickets, Count users, Count comments) {
  public AdminDigest {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(comments, "comments");
  }
}
