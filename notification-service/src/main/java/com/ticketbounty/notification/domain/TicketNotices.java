package com.ticketbounty.notification.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The e-mails about tickets: confirmation, comments, assignment, changes. */
public final class TicketNotices {
  private final AppLinks links;

  public TicketNotices(AppLinks links) {
    this.links = links;
  }

  /** Confirms to its owner that a ticket was opened. */
  public Notice confirmation(UUID ticketId, String title) {
    return new Notice(
        EmailTemplate.TICKET_CONFIRMATION,
        "Ticket created: " + title,
        Map.of("title", title, "ticketLink", links.ticket(ticketId)),
        links.ticket(ticketId));
  }

  /**
   * A new comment, told to the ticket's owner ({@code toOwner}) or to someone who commented on the
   * ticket before.
   */
  public Notice commentPosted(PostedComment comment, boolean toOwner) {
    String title = comment.ticketTitle();
    String subject =
        (toOwner ? "New comment on your ticket" : "New comment on a ticket you commented on")
            + (title == null ? "" : ": " + title);
    Map<String, Object> values = new HashMap<>();
    values.put("toOwner", toOwner);
    values.put("title", title == null ? "a ticket" : title);
    values.put("author", comment.authorName() == null ? "Someone" : comment.authorName());
    values.put("content", comment.content());
    values.put("ticketLink", links.ticket(comment.ticketId()));
    return new Notice(
        EmailTemplate.COMMENT_POSTED, subject, values, links.ticket(comment.ticketId()));
  }

  /** Tells the new assignee of a ticket. */
  public Notice assigned(UUID ticketId, String title) {
    return new Notice(
        EmailTemplate.TICKET_ASSIGNED,
        "You were assigned: " + title,
        Map.of("title", title, "ticketLink", links.ticket(ticketId)),
        links.ticket(ticketId));
  }

  /** Tells a participant (assignee, commenter) what changed on a ticket. */
  public Notice updated(TicketChange change) {
    return new Notice(
        EmailTemplate.TICKET_UPDATED,
        "Ticket updated: " + change.title(),
        Map.of(
            "title", change.title(),
            "changed", String.join(", ", change.changed()),
            "status", change.status(),
            "ticketLink", links.ticket(change.ticketId())),
        links.ticket(change.ticketId()));
  }
}
