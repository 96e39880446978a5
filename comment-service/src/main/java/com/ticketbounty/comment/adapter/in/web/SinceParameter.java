package com.ticketbounty.comment.adapter.in.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code since} of a count: an ISO-8601 instant ({@code 2026-01-01T00:00:00Z}; an offset such
 * as {@code +01:00} is taken too). Required, so that no caller counts from a default it did not
 * mean.
 */
final class SinceParameter {
  static final String NAME = "since";
  private static final String EXPECTED = "an ISO-8601 instant such as 2026-01-01T00:00:00Z";

  private SinceParameter() {}

  /**
   * @throws BadQueryException (400) naming {@code since} when it is missing or no instant
   */
  static Instant read(@Nullable String since) {
    if (since == null || since.isBlank()) {
      throw new BadQueryException(NAME, "is required: " + EXPECTED);
    }
    try {
      return Instant.parse(since);
    } catch (DateTimeParseException e) {
      throw new BadQueryException(NAME, "must be " + EXPECTED);
    }
  }
}
