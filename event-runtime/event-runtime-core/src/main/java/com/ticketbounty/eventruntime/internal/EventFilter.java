package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.EventEnvelope;
import dev.cel.common.types.CelKind;
import java.util.Map;
import java.util.Set;

/**
 * A trigger's CEL filter over {@code event}, for example {@code event.data.priority == 'urgent'}.
 * Compiled once when the function is defined; evaluated for every candidate event, from any thread.
 */
public final class EventFilter {
  private final CompiledExpression expression;

  private EventFilter(CompiledExpression expression) {
    this.expression = expression;
  }

  /**
   * @throws IllegalArgumentException when the source does not parse, names an unknown variable or
   *     event field, or cannot return a bool
   */
  public static EventFilter compile(String source) {
    return new EventFilter(
        CelEventEnvironment.compile(
            "event filter", source, Set.of(CelEventEnvironment.EVENT), Set.of(CelKind.BOOL)));
  }

  /**
   * Whether {@code event} passes. An evaluation error (for example a field {@code event.data} does
   * not have) is "no match", never an exception: the event is simply not for this function.
   */
  public boolean matches(EventEnvelope event) {
    return expression.isTrue(Map.of(CelEventEnvironment.EVENT, CelEventValues.of(event)));
  }

  public String source() {
    return expression.source();
  }

  @Override
  public String toString() {
    return "EventFilter[" + source() + "]";
  }
}
