package com.ticketbounty.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects broken rules across fields, so that one answer names every field that is wrong instead
 * of stopping at the first.
 */
public final class Violations {
  private final List<Violation> found = new ArrayList<>();

  /** Records {@code message} for {@code field} unless {@code holds}. */
  public Violations require(boolean holds, String field, String message) {
    if (!holds) {
      found.add(new Violation(field, message));
    }
    return this;
  }

  /**
   * Runs {@code step}; if it breaks rules, records them and returns {@code null} so that the caller
   * can go on checking the other fields.
   */
  public <T> @Nullable T collect(Supplier<T> step) {
    try {
      return step.get();
    } catch (BrokenRulesException broken) {
      found.addAll(broken.violations());
      return null;
    }
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * @throws BrokenRulesException naming every rule recorded so far, if any
   */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new BrokenRulesException(found);
    }
  }
}
