package com.ticketbounty.identity.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A username: 3–20 characters, no whitespace, no control or format characters (Unicode Cc and Cf: a
 * zero-width joiner or a right-to-left override makes one name look like another). Kept in Unicode
 * NFC, so "é" typed composed or decomposed is one name; every rule is checked on the NFC form.
 * Unique regardless of case (the store enforces it).
 */
public final class Username {
  public static final int MIN = 3;
  public static final int MAX = 20;
  public static final String FIELD = "username";

  private final String value;

  private Username(String value) {
    this.value = value;
  }

  /**
   * A name as a caller chose it, in NFC.
   *
   * @throws BrokenRulesException naming {@code username} when it breaks a rule
   */
  public static Username of(@Nullable String chosen) {
    String normal = normalize(chosen);
    Optional<String> broken = brokenRule(normal);
    if (broken.isPresent()) {
      throw new BrokenRulesException(List.of(new Violation(FIELD, broken.get())));
    }
    return new Username(Objects.requireNonNull(normal));
  }

  /**
   * A name as the store holds it, unchecked: it was accepted under the rules of its day, and an
   * account whose name a later rule refuses must still load (and may choose a new name).
   */
  public static Username stored(String value) {
    return new Username(value);
  }

  /** What is wrong with {@code value} as a username, if anything; checked in NFC. */
  public static Optional<String> brokenRule(@Nullable String value) {
    String normal = normalize(value);
    if (normal == null || normal.isEmpty()) {
      return Optional.of("is required");
    }
    int length = normal.codePointCount(0, normal.length());
    if (length < MIN || length > MAX) {
      return Optional.of("must be %d to %d characters".formatted(MIN, MAX));
    }
    if (Text.hasWhitespace(normal)) {
      return Optional.of("must not contain whitespace");
    }
    if (Text.hasControlOrFormat(normal) || Text.hasUnpairedSurrogate(normal)) {
      return Optional.of("must not contain control or format characters");
    }
    return Optional.empty();
  }

  private static @Nullable String normalize(@Nullable String value) {
    return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC);
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Username name && name.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
