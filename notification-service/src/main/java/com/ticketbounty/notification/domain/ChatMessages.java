package com.ticketbounty.notification.domain;

/**
 * The Slack messages to the administrators. Slack reads {@code &}, {@code <} and {@code >} as
 * markup (links, mentions), so user text and error messages are escaped as its documentation asks.
 */
public final class ChatMessages {
  private static final int MAX_ERROR_LENGTH = 500;

  private ChatMessages() {}

  /** An urgent ticket: its title, deadline, bounty and link. */
  public static String urgentTicket(UrgentTicket ticket, AppLinks links) {
    return ":rotating_light: Urgent ticket: *%s* — deadline %s, bounty %s — <%s|view the ticket>"
        .formatted(
            escape(Text.oneLine(ticket.title())),
            ticket.deadline(),
            Text.dollars(ticket.bounty()),
            links.ticket(ticket.ticketId()));
  }

  /** A failed run: service, function, run, error and event. */
  public static String functionFailed(FailureReport failure) {
    String event =
        failure.eventName() == null
            ? "no event"
            : "event %s %s".formatted(failure.eventName(), failure.eventId());
    return ":x: Function *%s* of %s failed — run %s — %s — error: %s"
        .formatted(
            escape(failure.function()),
            escape(failure.service()),
            escape(failure.runId()),
            escape(event),
            escape(shortened(Text.oneLine(failure.error()))));
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String shortened(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "…";
  }
}
