package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.problem.FieldProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
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
   * @throws InvalidQueryException (400) when it is missing or no instant
   */
  static Instant read(@Nullable String since) {
    if (since == null || since.isBlank()) {
      throw invalid("is required: " + EXPECTED);
    }
    try {
      return Instant.parse(since);
    } catch (DateTimeParseException e) {
      throw invalid("must be " + EXPECTED);
    }
  }

  private static InvalidQueryException invalid(String message) {
    return new InvalidQueryException(List.of(new FieldProblem(NAME, message)));
  }
}
