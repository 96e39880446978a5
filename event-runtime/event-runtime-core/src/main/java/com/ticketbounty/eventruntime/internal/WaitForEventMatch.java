package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.spi.Correlation;
import dev.cel.common.types.CelKind;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The CEL match of a {@code waitForEvent} step, as in Inngest: {@code event} is the run's trigger,
 * {@code async} the candidate event, for example {@code async.data.ticketId ==
 * event.data.ticketId}. Compiled once when the step is first reached; thread-safe.
 */
public final class WaitForEventMatch {
  private final CompiledExpression expression;
  private final Optional<WaitCorrelation> correlation;

  private WaitForEventMatch(CompiledExpression expression) {
    this.expression = expression;
    this.correlation = WaitCorrelation.find(expression.ast().getExpr());
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

  /**
   * What the match demands of the awaited event, with the value this trigger has: null when the
   * match has no indexable equality (see {@link WaitCorrelation}) or the trigger no comparable
   * value at its path.
   */
  public @Nullable Correlation correlation(EventEnvelope trigger) {
    return correlation.map(found -> found.of(trigger)).orElse(null);
  }

  /**
   * The fields of an incoming event a wait's correlation can name, with their values: a wait with a
   * correlation is a candidate for this event only when its correlation is one of them.
   */
  public static Set<Correlation> correlationsOf(EventEnvelope event) {
    return WaitCorrelation.valuesOf(event);
  }

  public String source() {
    return expression.source();
  }

  @Override
  public String toString() {
    return "WaitForEventMatch[" + source() + "]";
  }
}
