package com.ticketbounty.notification.domain;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One e-mail, ready for a provider: a sender, at least one recipient, a subject and both an HTML
 * and a plain-text body (clients that do not render HTML show the text).
 *
 * <p>Addresses are checked only for shape (one {@code @}, no spaces or angle brackets): the
 * provider is the authority on deliverability and rejects what it cannot send.
 *
 * @param from a bare address or {@code Display Name <address>}
 * @param to the recipients' bare addresses
 * @param subject one line
 * @param html the HTML body, with every piece of user text already escaped
 * @param text the plain-text body
 * @param headers extra headers, such as {@code List-Unsubscribe}; names and values on one line
 */
public record Email(
    String from,
    List<String> to,
    String subject,
    String html,
    String text,
    Map<String, String> headers) {
  private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>]+@[^\\s@<>]+");
  private static final Pattern NAMED_ADDRESS = Pattern.compile("[^<>\\r\\n]*<([^<>]+)>");

  public Email {
    requireSender(from);
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("an e-mail needs at least one recipient");
    }
    to.forEach(Email::requireAddress);
    if (subject.isBlank() || subject.contains("\n") || subject.contains("\r")) {
      throw new IllegalArgumentException("subject must be one non-blank line");
    }
    if (html.isBlank() || text.isBlank()) {
      throw new IllegalArgumentException("an e-mail needs both an HTML and a text body");
    }
    headers = Map.copyOf(headers);
    headers.forEach(
        (name, value) -> {
          if (name.isBlank() || (name + value).contains("\n") || (name + value).contains("\r")) {
            throw new IllegalArgumentException("a header is one line with a name: " + name);
          }
        });
  }

  /** An e-mail with no extra headers (a security e-mail, which offers no unsubscribe). */
  public Email(String from, List<String> to, String subject, String html, String text) {
    this(from, to, subject, html, text, Map.of());
  }

  /**
   * Checks a sender such as {@code TicketBounty <noreply@ticketbounty.local>}; exposed so that a
   * misconfigured sender fails at start-up rather than at the first e-mail.
   */
  public static String requireSender(String from) {
    var named = NAMED_ADDRESS.matcher(from.strip());
    requireAddress(named.matches() ? named.group(1) : from.strip());
    return from;
  }

  private static void requireAddress(String address) {
    if (!ADDRESS.matcher(address).matches()) {
      throw new IllegalArgumentException("not an e-mail address: '" + address + "'");
    }
  }
}
