package com.ticketbounty.eventruntime.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A type-checked CEL program, the source it came from and its checked syntax tree (which a
 * waitForEvent match is read from for an indexable equality); immutable and thread-safe.
 */
record CompiledExpression(
    String what, String source, CelAbstractSyntaxTree ast, CelRuntime.Program program) {
  private static final Logger log = LoggerFactory.getLogger(CompiledExpression.class);

  Object evaluate(Map<String, ?> variables) throws CelEvaluationException {
    return program.eval(variables);
  }

  /**
   * True only when the expression evaluates to {@code true}. An evaluation error (a field the event
   * does not have, an operator that does not apply to the values) or a result that is not a bool
   * means "no match", as in Inngest: an event that a filter cannot judge is not the function's.
   */
  boolean isTrue(Map<String, ?> variables) {
    try {
      Object result = evaluate(variables);
      if (result instanceof Boolean matched) {
        return matched;
      }
      log.debug("{} '{}' returned {}, not a bool: no match", what, source, result);
    } catch (CelEvaluationException e) {
      log.debug("{} '{}' failed: no match: {}", what, source, e.getMessage());
    }
    return false;
  }
}
