package com.ticketbounty.reliability.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One section of a Markdown page that a tool owns: the text between {@code <!-- name:begin -->} and
 * {@code <!-- name:end -->}. Each tool rewrites only its own section, so the fault suite, the soak
 * and the scale-out run can write one page without erasing each other's results or the prose around
 * them.
 */
public final class MarkedSection {
  private final String begin;
  private final String end;

  public MarkedSection(String name) {
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "a section name is lower-case letters, digits and '-': " + name);
    }
    this.begin = "<!-- " + name + ":begin -->";
    this.end = "<!-- " + name + ":end -->";
  }

  /** The page with this section's text replaced by {@code body}; the markers stay. */
  public String replace(String page, String body) {
    int from = page.indexOf(begin);
    int to = page.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("the page has no section " + begin + " … " + end);
    }
    String text = body.endsWith("\n") ? body : body + "\n";
    return page.substring(0, from + begin.length()) + "\n" + text + page.substring(to);
  }

  /** Rewrites this section of the page at {@code file} in place. */
  public void write(Path file, String body) throws IOException {
    String page = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, replace(page, body), StandardCharsets.UTF_8);
  }
}
