package com.ticketbounty.eventruntime.internal;

import com.google.common.primitives.UnsignedLong;
import com.ticketbounty.eventruntime.EventEnvelope;
import dev.cel.common.types.CelKind;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CEL key of a function's concurrency limit over {@code event}, for example {@code
 * event.data.userId}: runs whose keys are equal share the limit. Compiled once when the function is
 * defined; thread-safe.
 *
 * <p>The key is the result rendered as a string: a string as it is, an int or uint in decimal, a
 * bool as {@code true}/{@code false}, a double by {@link Double#toString(double)} (so {@code 42}
 * and {@code 42.0} are different keys; keys are meant to be ids, not measurements).
 */
public final class ConcurrencyKey {
  private static final Set<CelKind> RENDERED =
      Set.of(CelKind.STRING, CelKind.INT, CelKind.UINT, CelKind.DOUBLE, CelKind.BOOL);

  private final CompiledExpression expression;

  private ConcurrencyKey(CompiledExpression expression) {
    this.expression = expression;
  }

  /**
   * @throws IllegalArgumentException when the source does not parse, names an unknown variable or
   *     event field, or returns a type that is not rendered (a map, a list, null, bytes, …)
   */
  public static ConcurrencyKey compile(String source) {
    return new ConcurrencyKey(
        CelEventEnvironment.compile(
            "concurrency key", source, Set.of(CelEventEnvironment.EVENT), RENDERED));
  }

  /**
   * @throws ConcurrencyKeyException when the expression fails on this event (a missing field) or
   *     its value is null, a map or a list; the message names the expression, the event and why
   */
  public String valueFor(EventEnvelope event) {
    Object value;
    try {
      value = expression.evaluate(Map.of(CelEventEnvironment.EVENT, CelEventValues.of(event)));
    } catch (CelEvaluationException e) {
      throw new ConcurrencyKeyException(failure(event, e.getMessage()), e);
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Long || value instanceof UnsignedLong || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Double number) {
      return Double.toString(number);
    }
    throw new ConcurrencyKeyException(
        failure(
            event,
            "it evaluated to " + kindOf(value) + ", not a string, int, uint, double or bool"));
  }

  public String source() {
    return expression.source();
  }

  @Override
  public String toString() {
    return "ConcurrencyKey[" + source() + "]";
  }

  /** The kind of value only: the value itself may be personal data and must not reach a log. */
  private static String kindOf(Object value) {
    if (value instanceof NullValue) {
      return "null";
    }
    if (value instanceof Map) {
      return "a map";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName();
  }

  private String failure(EventEnvelope event, String reason) {
    return "concurrency key '"
        + source()
        + "' has no value for event "
        + event.id()
        + " ("
        + event.name()
        + "): "
        + reason;
  }
}
