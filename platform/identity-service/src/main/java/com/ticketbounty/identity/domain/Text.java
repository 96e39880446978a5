package com.ticketbounty.identity.domain;

/** Small text checks shared by the value objects. */
final class Text {
  private Text() {}

  /** Any whitespace, Unicode's too (a no-break space is as invisible as a space). */
  static boolean hasWhitespace(String value) {
    return value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  /**
   * A control (Unicode Cc) or format (Cf) character: invisible, or changing how the text around it
   * shows (a right-to-left override, a zero-width joiner).
   */
  static boolean hasControlOrFormat(String value) {
    return value
        .codePoints()
        .map(Character::getType)
        .anyMatch(type -> type == Character.CONTROL || type == Character.FORMAT);
  }

  /** A lone half of a surrogate pair: no character at all, and no encoder can write it. */
  static boolean hasUnpairedSurrogate(String value) {
    return value.codePoints().anyMatch(c -> Character.isSurrogate((char) c) && c <= 0xFFFF);
  }
}
