package com.ticketbounty.reliability.faults;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the side effect an e-mail stands for, so that what the provider received can be matched
 * with what the databases say was done: a ticket's confirmation and the comment e-mail to its owner
 * by the ticket id their link carries (the suite posts at most one comment per ticket, so the
 * owner's comment e-mail of a ticket is one effect), welcome and password-changed e-mails by their
 * recipient (the suite changes each new account's password once).
 */
public final class Effects {
  private static final Pattern TICKET_LINK = Pattern.compile("/tickets/([0-9a-fA-F-]{36})");

  private Effects() {}

  public static String confirmation(String ticketId) {
    return "confirmation:" + ticketId;
  }

  public static String commentToOwner(String ticketId) {
    return "comment:" + ticketId;
  }

  public static String welcome(String email) {
    return "welcome:" + email;
  }

  public static String passwordChanged(String email) {
    return "password-changed:" + email;
  }

  /** The effect this e-mail carries out; empty for one the suite does not count. */
  public static Optional<String> of(Delivery email) {
    String subject = email.subject();
    if (subject.startsWith("Ticket created:")) {
      return ticketId(email).map(Effects::confirmation);
    }
    if (subject.startsWith("New comment on your ticket")) {
      return ticketId(email).map(Effects::commentToOwner);
    }
    if (subject.equals("Welcome to TicketBounty")) {
      return Optional.of(welcome(email.to()));
    }
    if (subject.equals("Your TicketBounty password was changed")) {
      return Optional.of(passwordChanged(email.to()));
    }
    return Optional.empty();
  }

  private static Optional<String> ticketId(Delivery email) {
    Matcher link = TICKET_LINK.matcher(email.text());
    return link.find() ? Optional.of(link.group(1)) : Optional.empty();
  }
}
