package com.ticketbounty.identity.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A plausible e-mail address, kept lower-cased so that one mailbox is one account whatever case it
 * was typed in. Whether it works is proven by e-mail verification, not by this check.
 */
public record EmailAddress(String value) {
  public static final int MAX = 254;
  public static final String FIELD = "email";

  // One @, no whitespace, a dot in the domain that neither starts nor ends it.
  private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  public EmailAddress {
    if (!isPlausible(value) || !value.equals(value.toLowerCase(Locale.ROOT))) {
      throw new BrokenRulesException(List.of(violation(FIELD)));
    }
  }

  /**
   * Reads an address as a caller typed it.
   *
   * @throws BrokenRulesException naming {@code field} when it is no plausible address
   */
  public static EmailAddress of(@Nullable String typed, String field) {
    if (typed == null || !isPlausible(typed.strip())) {
      throw new BrokenRulesException(List.of(violation(field)));
    }
    return new EmailAddress(typed.strip().toLowerCase(Locale.ROOT));
  }

  /** The address as a lookup key, or empty for text that cannot be anyone's address. */
  public static Optional<EmailAddress> lookup(@Nullable String typed) {
    if (typed == null || !isPlausible(typed.strip())) {
      return Optional.empty();
    }
    return Optional.of(new EmailAddress(typed.strip().toLowerCase(Locale.ROOT)));
  }

  private static boolean isPlausible(@Nullable String value) {
    return value != null && value.length() <= MAX && PLAUSIBLE.matcher(value).matches();
  }

  private static Violation violation(String field) {
    return new Violation(field, "must be an e-mail address");
  }

  @Override
  public String toString() {
    return value;
  }
}
