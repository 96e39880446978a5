package com.ticketbounty.identity.domain;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A username: 3–20 characters, no whitespace. Unique regardless of case (the store enforces it).
 */
public record Username(String value) {
  public static final int MIN = 3;
  public static final int MAX = 20;
  public static final String FIELD = "username";

  public Username {
    Optional<String> broken = brokenRule(value);
    if (broken.isPresent()) {
      throw new BrokenRulesException(List.of(new Violation(FIELD, broken.get())));
    }
  }

  /** What is wrong with {@code value} as a username, if anything. */
  public static Optional<String> brokenRule(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of("is required");
    }
    int length = value.codePointCount(0, value.length());
    if (length < MIN || length > MAX) {
      return Optional.of("must be " + MIN + " to " + MAX + " characters");
    }
    if (Text.hasWhitespace(value)) {
      return Optional.of("must not contain whitespace");
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
