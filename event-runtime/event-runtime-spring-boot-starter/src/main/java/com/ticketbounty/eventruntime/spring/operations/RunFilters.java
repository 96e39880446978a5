package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.spi.RunQueries;
import com.ticketbounty.eventruntime.spi.RunStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a run filter ({@code function, status, since, until, limit}) from query parameters or a
 * JSON body; a value that cannot be read is an {@link IllegalArgumentException} naming it.
 */
final class RunFilters {
  private RunFilters() {}

  static RunQueries.Filter read(Function<String, Optional<String>> parameter, int defaultLimit) {
    Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);
    parameter.apply("status").ifPresent(status -> statuses.add(status(status)));
    int limit = parameter.apply("limit").map(RunFilters::limit).orElse(defaultLimit);
    return new RunQueries.Filter(
        parameter.apply("function").filter(function -> !function.isBlank()),
        statuses,
        parameter.apply("since").map(since -> instant("since", since)),
        parameter.apply("until").map(until -> instant("until", until)),
        limit);
  }

  static RunQueries.Filter read(Map<String, Object> body, int defaultLimit) {
    return read(name -> Optional.ofNullable(body.get(name)).map(Object::toString), defaultLimit);
  }

  private static RunStatus status(String text) {
    try {
      return RunStatus.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "status must be one of queued, running, sleeping, waiting, completed, failed, cancelled");
    }
  }

  private static int limit(String text) {
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= 1000) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("limit must be a whole number from 1 to 1000");
  }

  private static Instant instant(String name, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 instant (2026-11-27T10:00:00Z)");
    }
  }
}
