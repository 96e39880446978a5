package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.EventEnvelope;
import dev.cel.common.types.CelKind;
import java.util.Map;
import java.util.Set;

/**
 * The CEL match of a {@code waitForEvent} step, as in Inngest: {@code event} is the run's trigger,
 * {@code async} the candidate event, for example {@code async.data.ticketId ==
 * event.data.ticketId}. Compiled once when the step is first reached; thread-safe.
 */
public final class WaitForEventMatch {
  private final CompiledExpression expression;

  private WaitForEventMatch(CompiledExpression expression) {
    this.expression = expression;
  }

  /**
   * @throws IllegalArgumentException when the source does not parse, names an unknown variable or
   *     event field, or cannot return a bool
   */
  public static WaitForEventMatch compile(String source) {
    return new WaitForEventMatch(
        CelEventEnvironment.compile(
            "waitForEvent match",
            source,
            Set.of(CelEventEnvironment.EVENT, CelEventEnvironment.ASYNC),
            Set.of(CelKind.BOOL)));
  }

  /** Whether {@code candidate} is the event the run waits for; an evaluation error is no match. */
  public boolean matches(EventEnvelope trigger, EventEnvelope candidate) {
    return expression.isTrue(
        Map.of(
            CelEventEnvironment.EVENT, CelEventValues.of(trigger),
            CelEventEnvironment.ASYNC, CelEventValues.of(candidate)));
  }

  public String source() {
    return expression.source();
  }

  @Override
  public String toString() {
    return "WaitForEventMatch[" + source() + "]";
  }
}
