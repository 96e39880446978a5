package com.ticketbounty.serviceweb.client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * Reads an HTTP {@code Retry-After} (RFC 9110 §10.2.3) from a provider or another service: a number
 * of seconds, or an HTTP-date that is turned into the time left until then. Seconds with a fraction
 * ({@code 1.5}) are accepted too, as some chat providers send them.
 *
 * <p>The caller caps the wait: a step's retry is a durable timer, and a typo (or a date years
 * ahead) must not park a run beyond what anyone would wait for.
 */
public final class RetryAfter {
  private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

  private RetryAfter() {}

  /**
   * @param now the instant an HTTP-date is measured from
   * @param longest the longest wait the caller accepts; a longer one is cut to it
   * @return empty when the header is absent or unreadable (the caller's own backoff applies); a
   *     date already past is {@link Duration#ZERO}
   */
  public static Optional<Duration> of(HttpHeaders headers, Instant now, Duration longest) {
    String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (SECONDS.matcher(value.strip()).matches()) {
      return Optional.of(seconds(value.strip(), longest));
    }
    try {
      // Spring's parser takes the three HTTP-date forms (IMF-fixdate, RFC 850, asctime).
      ZonedDateTime until = headers.getFirstZonedDateTime(HttpHeaders.RETRY_AFTER);
      if (until == null) {
        return Optional.empty();
      }
      return Optional.of(capped(Duration.between(now, until.toInstant()), longest));
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  private static Duration seconds(String value, Duration longest) {
    BigDecimal millis = new BigDecimal(value).movePointRight(3).setScale(0, RoundingMode.CEILING);
    return millis.compareTo(BigDecimal.valueOf(longest.toMillis())) > 0
        ? longest
        : Duration.ofMillis(millis.longValue());
  }

  private static Duration capped(Duration left, Duration longest) {
    if (left.isNegative()) {
      return Duration.ZERO;
    }
    return left.compareTo(longest) > 0 ? longest : left;
  }
}
