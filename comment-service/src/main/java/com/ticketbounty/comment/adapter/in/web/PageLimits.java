package com.ticketbounty.comment.adapter.in.web;

import com.ticketbounty.comment.application.ListComments;
import org.jspecify.annotations.Nullable;

/** The {@code limit} of the comment list: a whole number from 1 to 50, 3 when absent. */
final class PageLimits {
  static final String PARAMETER = "limit";

  private PageLimits() {}

  /**
   * @throws BadQueryException naming {@code limit} when it is no whole number in range
   */
  static int parse(@Nullable String limit) {
    if (limit == null) {
      return ListComments.DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= ListComments.MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below, as an out-of-range number is.
    }
    throw new BadQueryException(
        PARAMETER, "must be a whole number from 1 to " + ListComments.MAX_LIMIT);
  }
}
