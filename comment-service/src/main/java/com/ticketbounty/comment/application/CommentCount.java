package com.ticketbounty.comment.application;

import java.time.Instant;
import java.util.Objects;

/**
 * How many comments exist, and how many of them were created at or after {@code since} — counted
 * together, so that the second is never more than the first.
 *
 * @param total every comment that exists (a deleted comment, or one of a deleted ticket, is gone)
 * @param createdSince those of them created at or after {@code since}
 * @param since the instant asked about
 */
public record CommentCount(long total, long createdSince, Instant since) {
  public CommentCount {
    Objects.requireNonNull(since, "since");
    if (createdSince < 0 || createdSince > total) {
      throw new IllegalArgumentException(
          "%d created since %s of %d comments".formatted(createdSince, since, total));
    }
  }
}
