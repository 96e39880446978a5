package com.ticketbounty.identity.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The addresses that get the ADMIN role at sign-up ({@code ADMIN_EMAILS}), case-insensitive. */
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

  public Role roleFor(EmailAddress email) {
    return addresses.contains(email.value()) ? Role.ADMIN : Role.USER;
  }
}
