package com.ticketbounty.identity.domain;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks one or more rules; carries every broken rule, not just the first. */
public final class BrokenRulesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  public BrokenRulesException(List<Violation> violations) {
    super(describe(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a broken-rules exception needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    return violations.stream()
        .map(violation -> violation.field() + " " + violation.message())
        .collect(Collectors.joining("; "));
  }
}
