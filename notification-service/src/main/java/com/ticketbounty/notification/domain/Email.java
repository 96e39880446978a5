package com.ticketbounty.notification.domain;

import java.util.List;
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
 */
public record Email(String from, List<String> to, String subject, String html, String text) {
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
