package com.ticketbounty.identity.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A password as the user typed it, which obeys the rules for a new password: at least 8 characters
 * and no whitespace. It never prints itself, so a log line or an exception message cannot leak it.
 */
public final class PlainPassword {
  public static final int MIN = 8;
  // Argon2 hashes any length, but a megabyte "password" is only a way to burn CPU.
  public static final int MAX = 256;
  private static final String NEVER_CHOSEN = " ";

  private final String value;

  private PlainPassword(String value) {
    this.value = value;
  }

  /**
   * A new password, checked against the rules.
   *
   * @throws BrokenRulesException naming {@code field}
   */
  public static PlainPassword chosen(@Nullable String value, String field) {
    Optional<String> broken = brokenRule(value);
    if (broken.isPresent()) {
      throw new BrokenRulesException(List.of(new Violation(field, broken.get())));
    }
    return new PlainPassword(Objects.requireNonNull(value));
  }

  /** A password presented to prove who someone is: not checked, only compared with a hash. */
  public static PlainPassword presented(@Nullable String value) {
    if (value == null || Text.hasUnpairedSurrogate(value)) {
      // Compared all the same (equal time), as a value no chosen password can be: it has
      // whitespace. Text with a lone surrogate cannot even be encoded for the hash.
      return new PlainPassword(NEVER_CHOSEN);
    }
    return new PlainPassword(value);
  }

  /** What is wrong with {@code value} as a new password, if anything. */
  public static Optional<String> brokenRule(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of("is required");
    }
    if (value.length() < MIN) {
      return Optional.of("must be at least " + MIN + " characters");
    }
    if (value.length() > MAX) {
      return Optional.of("must be at most " + MAX + " characters");
    }
    if (Text.hasWhitespace(value)) {
      return Optional.of("must not contain whitespace");
    }
    if (Text.hasUnpairedSurrogate(value)) {
      return Optional.of("must be valid text");
    }
    return Optional.empty();
  }

  /** The clear text, for the password hasher only. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "[redacted]";
  }
}
