package com.ticketbounty.notification.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small text rules shared by the notices and chat messages. */
final class Text {
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Text() {}

  /**
   * Folds every run of whitespace, line breaks included, into one space: user text in a subject or
   * header can never start a header of its own.
   */
  static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /** A bounty in cents as dollars: {@code 5000} → {@code $50.00}. */
  static String dollars(long cents) {
    String sign = cents < 0 ? "-" : "";
    long abs = Math.abs(cents);
    return "%s$%d.%02d".formatted(sign, abs / 100, abs % 100);
  }

  /** An instant to the minute, in UTC: {@code 2030-01-01 10:15 UTC}. */
  static String minutes(Instant instant) {
    return MINUTES.format(instant);
  }
}
