package com.ticketbounty.notification.adapter.out.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * Reads a provider's {@code Retry-After} (RFC 9110 §10.2.3): a number of seconds, or an HTTP-date
 * that is turned into the time left until then on the given clock. Seconds with a fraction ({@code
 * 1.5}) are accepted too, as some chat providers send them.
 *
 * <p>The wait is capped at {@link #LONGEST}: the step's retry is a durable timer, and a provider's
 * typo (or a date years ahead) must not park a run beyond what anyone would wait for.
 */
final class RetryAfter {
  static final Duration LONGEST = Duration.ofDays(1);

  private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");
  private static final BigDecimal LONGEST_MILLIS = BigDecimal.valueOf(LONGEST.toMillis());

  private RetryAfter() {}

  /**
   * @return empty when the header is absent or unreadable (the caller's own backoff applies); a
   *     date already past is {@link Duration#ZERO}
   */
  static Optional<Duration> of(HttpHeaders headers, Instant now) {
    String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (SECONDS.matcher(value.strip()).matches()) {
      return Optional.of(seconds(value.strip()));
    }
    try {
      // Spring's parser takes the three HTTP-date forms (IMF-fixdate, RFC 850, asctime).
      ZonedDateTime until = headers.getFirstZonedDateTime(HttpHeaders.RETRY_AFTER);
      if (until == null) {
        return Optional.empty();
      }
      return Optional.of(capped(Duration.between(now, until.toInstant())));
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  private static Duration seconds(String value) {
    BigDecimal millis = new BigDecimal(value).movePointRight(3).setScale(0, RoundingMode.CEILING);
    return millis.compareTo(LONGEST_MILLIS) > 0 ? LONGEST : Duration.ofMillis(millis.longValue());
  }

  private static Duration capped(Duration left) {
    if (left.isNegative()) {
      return Duration.ZERO;
    }
    return left.compareTo(LONGEST) > 0 ? LONGEST : left;
  }
}
