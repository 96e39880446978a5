package com.ticketbounty.identity.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The addresses whose accounts become ADMIN once they have proven the address ({@code
 * ADMIN_EMAILS}), case-insensitive. Not at sign-up: anyone can sign up with any address, so the
 * role waits for the proof that the address is theirs ({@link User#verified}).
 */
public final class AdminEmails {
  private final Set<String> addresses;

  private AdminEmails(Set<String> addresses) {
    this.addresses = Set.copyOf(addresses);
  }

  /** Reads a comma-separated list; blanks and surrounding spaces are ignored. */
  public static AdminEmails parse(String commaSeparated) {
    return new AdminEmails(
        Arrays.stream(commaSeparated.split(","))
            .map(String::strip)
            .filter(address -> !address.isEmpty())
            .map(address -> address.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet()));
  }

  public boolean includes(EmailAddress email) {
    return addresses.contains(email.value());
  }
}
