package com.ticketbounty.admindigest.adapter.out.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} (RFC 9110 §10.2.3): whole seconds or an HTTP date, which is
 * measured from {@code clock}. A date in the past means "now". A wait longer than {@link #LONGEST}
 * is cut to it: a daily digest that waited longer would report on a day gone by, and the run's
 * retries still bound how often it asks.
 */
final class RetryAfter {
  static final Duration LONGEST = Duration.ofHours(1);

  private RetryAfter() {}

  static Optional<Duration> parse(@Nullable String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        wait = Duration.between(clock.instant(), date.toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (wait.isNegative()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
  }
}
