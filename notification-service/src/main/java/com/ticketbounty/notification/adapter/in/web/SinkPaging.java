package com.ticketbounty.notification.adapter.in.web;

import com.ticketbounty.notification.application.ListSinkEmails;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the sink listing's paging: {@code limit} a whole number from 1 to 200 (50 when absent),
 * {@code before} the positive id a previous page gave as {@code nextBefore}. Anything else is 400.
 */
final class SinkPaging {
  static final String LIMIT = "limit";
  static final String BEFORE = "before";

  private SinkPaging() {}

  static int limit(@Nullable String limit) {
    if (limit == null) {
      return ListSinkEmails.DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= ListSinkEmails.MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below, as an out-of-range number is.
    }
    throw new BadQueryException(
        LIMIT, "must be a whole number from 1 to " + ListSinkEmails.MAX_LIMIT);
  }

  static Optional<Long> before(@Nullable String before) {
    if (before == null) {
      return Optional.empty();
    }
    try {
      long value = Long.parseLong(before);
      if (value >= 1) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // Reported below, as a number out of range is.
    }
    throw new BadQueryException(BEFORE, "must be the nextBefore of a previous page");
  }
}
