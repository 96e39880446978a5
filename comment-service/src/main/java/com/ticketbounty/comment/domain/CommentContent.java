package com.ticketbounty.comment.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a comment says: 1 to 1024 characters, not only white space (DESIGN.md §7), and no NUL
 * character, which JSON can carry but PostgreSQL's text cannot store. A value that exists obeys the
 * rules.
 */
public record CommentContent(String text) {
  public static final int MAX = 1024;
  public static final String FIELD = "content";

  public CommentContent {
    check(text);
  }

  /**
   * Reads the text as a caller sent it.
   *
   * @throws BrokenRulesException naming {@code content} when it is missing, blank or too long
   */
  public static CommentContent of(@Nullable String text) {
    check(text);
    return new CommentContent(text);
  }

  private static void check(@Nullable String text) {
    if (text == null || text.isBlank()) {
      throw broken("must not be blank");
    }
    // Characters as a person counts them (code points), which is also what varchar(n) counts.
    if (text.codePointCount(0, text.length()) > MAX) {
      throw broken("must be at most " + MAX + " characters");
    }
    if (text.indexOf('\0') >= 0) {
      throw broken("must not contain the NUL character");
    }
  }

  private static BrokenRulesException broken(String message) {
    return new BrokenRulesException(List.of(new Violation(FIELD, message)));
  }
}
