package com.ticketbounty.ticket.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * What the owner says about a ticket. A value that exists obeys every rule: title 1–191 characters,
 * content 1–1024, bounty at least 500 cents, a deadline that is a real calendar date.
 *
 * @param bounty in cents
 */
public record TicketDetails(
    String title, String content, LocalDate deadline, long bounty, Priority priority) {
  public static final int TITLE_MAX = 191;
  public static final int CONTENT_MAX = 1024;
  public static final long BOUNTY_MIN = 500;

  public TicketDetails {
    Violations violations = new Violations();
    checkText(violations, "title", title, TITLE_MAX);
    checkText(violations, "content", content, CONTENT_MAX);
    violations.require(deadline != null, "deadline", "is required");
    checkBounty(violations, bounty);
    violations.require(priority != null, "priority", "is required");
    violations.throwIfAny();
  }

  /**
   * Reads details as a caller sent them: a missing value is a broken rule, a missing priority is
   * {@link Priority#DEFAULT}, the deadline must be {@code YYYY-MM-DD} and a date that exists.
   *
   * @throws BrokenRulesException naming every field that breaks a rule
   */
  public static TicketDetails of(
      @Nullable String title,
      @Nullable String content,
      @Nullable String deadline,
      @Nullable Long bounty,
      @Nullable Priority priority) {
    Violations violations = new Violations();
    checkText(violations, "title", title, TITLE_MAX);
    checkText(violations, "content", content, CONTENT_MAX);
    LocalDate date = parseDeadline(violations, deadline);
    checkBounty(violations, bounty);
    violations.throwIfAny();
    return new TicketDetails(
        title, content, date, bounty, priority == null ? Priority.DEFAULT : priority);
  }

  private static @Nullable LocalDate parseDeadline(Violations violations, @Nullable String text) {
    if (text == null || text.isBlank()) {
      violations.require(false, "deadline", "is required");
      return null;
    }
    try {
      // ISO_LOCAL_DATE resolves strictly: 2026-02-30 is refused, not moved to March.
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      violations.require(false, "deadline", "must be a real calendar date as YYYY-MM-DD");
      return null;
    }
  }

  private static void checkBounty(Violations violations, @Nullable Long bounty) {
    if (bounty == null) {
      violations.require(false, "bounty", "is required");
      return;
    }
    violations.require(bounty >= BOUNTY_MIN, "bounty", "must be at least " + BOUNTY_MIN + " cents");
  }

  private static void checkText(
      Violations violations, String field, @Nullable String text, int max) {
    if (text == null || text.isBlank()) {
      violations.require(false, field, "must not be blank");
      return;
    }
    // Characters as a person counts them (code points), which is also what varchar(n) counts.
    int length = text.codePointCount(0, text.length());
    violations.require(length <= max, field, "must be at most " + max + " characters");
  }
}
