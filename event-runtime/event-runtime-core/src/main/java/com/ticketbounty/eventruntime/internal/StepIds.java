package com.ticketbounty.eventruntime.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the ids a function body gives its steps into memo keys, for one attempt. The first use of
 * an id is the id itself; a repeated id — a step in a loop — gets its index ({@code send}, {@code
 * send:1}, {@code send:2}), as in Inngest. Because every attempt re-executes the body from the top,
 * the same code path yields the same keys, which is what lets finished steps be found again.
 */
public final class StepIds {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");

  private final Map<String, Integer> seen = new HashMap<>();

  /**
   * @throws IllegalArgumentException when {@code id} is empty, too long or uses characters other
   *     than letters, digits and {@code . _ / -} (the {@code :} is kept for the index)
   */
  public String next(String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "step id must be 1-128 letters, digits or . _ / - and start with a letter or digit, was '"
              + id
              + "'");
    }
    int index = seen.merge(id, 1, Integer::sum) - 1;
    return index == 0 ? id : id + ":" + index;
  }
}
