package com.ticketbounty.eventruntime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event schema version, {@code MAJOR.MINOR}. Consumers accept any MINOR of a MAJOR they know.
 */
public record SchemaVersion(int major, int minor) {
  private static final Pattern FORMAT = Pattern.compile("(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})");

  public SchemaVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("version parts must not be negative");
    }
  }

  /**
   * @throws IllegalArgumentException when {@code text} is not {@code MAJOR.MINOR}
   */
  public static SchemaVersion parse(String text) {
    Matcher matcher = FORMAT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("version must be MAJOR.MINOR, was '" + text + "'");
    }
    return new SchemaVersion(
        Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
