package com.ticketbounty.notification.domain;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.List;
import java.util.Map;

/**
 * The e-mail that confirms to its owner that a ticket was opened: its title and a link to it.
 *
 * <p>The title is untrusted user text. The HTML template goes through Mustache's HTML escaping, so
 * a title such as {@code <script>} arrives as text, never as markup; the plain-text body and the
 * subject are not HTML and stay as typed (the subject on one line, as a header must be).
 */
public final class TicketConfirmation {
  private static final Template HTML =
      Mustache.compiler()
          .compile(
              """
              <p>Your ticket <strong>{{title}}</strong> is open.</p>
              <p><a href="{{link}}">View your ticket</a></p>
              """);
  private static final Template TEXT =
      Mustache.compiler()
          .escapeHTML(false)
          .compile(
              """
              Your ticket "{{title}}" is open.

              View your ticket: {{link}}
              """);

  private TicketConfirmation() {}

  /** The confirmation for {@code ticket}, sent from {@code from} to the ticket's owner. */
  public static Email compose(OpenedTicket ticket, String from, AppLinks links) {
    Map<String, String> values =
        Map.of("title", ticket.title(), "link", links.ticket(ticket.ticketId()));
    return new Email(
        from,
        List.of(ticket.ownerEmail()),
        "Ticket created: " + oneLine(ticket.title()),
        HTML.execute(values),
        TEXT.execute(values));
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
