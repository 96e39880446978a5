package com.ticketbounty.ticket.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

  /**
   * These details with the fields the patch gives replaced, each checked by the same rule as when a
   * ticket is opened; a priority given as null is a broken rule here (there is one already).
   *
   * @throws BrokenRulesException naming every field that breaks a rule, or {@code body} when the
   *     patch gives no field at all
   */
  public TicketDetails patchedWith(TicketPatch patch) {
    if (patch.isEmpty()) {
      throw new BrokenRulesException(
          List.of(
              new Violation(
                  "body", "must give at least one of title, content, deadline, bounty, priority")));
    }
    Violations violations = new Violations();
    TicketDetails patched =
        violations.collect(
            () ->
                of(
                    TicketPatch.pick(patch.title(), title),
                    TicketPatch.pick(patch.content(), content),
                    TicketPatch.pick(patch.deadline(), deadline.toString()),
                    TicketPatch.pick(patch.bounty(), bounty),
                    priority));
    Priority newPriority = TicketPatch.pick(patch.priority(), priority);
    violations.require(newPriority != null, "priority", "is required");
    violations.throwIfAny();
    return new TicketDetails(
        patched.title(), patched.content(), patched.deadline(), patched.bounty(), newPriority);
  }

  /** The names of the fields whose values differ between {@code other} and these details. */
  public List<String> fieldsChangedFrom(TicketDetails other) {
    List<String> changed = new ArrayList<>();
    addIf(changed, !title.equals(other.title), "title");
    addIf(changed, !content.equals(other.content), "content");
    addIf(changed, !deadline.equals(other.deadline), "deadline");
    addIf(changed, bounty != other.bounty, "bounty");
    addIf(changed, !Objects.equals(priority, other.priority), "priority");
    return changed;
  }

  private static void addIf(List<String> changed, boolean differs, String field) {
    if (differs) {
      changed.add(field);
    }
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
