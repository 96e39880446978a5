package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.spi.Correlation;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The equality of a {@code waitForEvent} match that an index can serve: the match is {@code
 * event.<path> == async.<path>} (either order), or a conjunction ({@code &&}) with such an equality
 * among its conjuncts. For such a match to be true the equality must be, so an event whose field
 * differs from the trigger's cannot resolve the wait: the wait stores the trigger's value ({@link
 * #of}) and an event is a candidate only where its value there ({@link #valuesOf}) is the same. Any
 * other form (a disjunction, a negation, a comparison with a constant) has none.
 *
 * <p>Values are compared as canonical text (see {@link Correlation}) only for what CEL can compare
 * equal across the JSON an event carries: strings, numbers, booleans and {@code null}; a map or a
 * list on the trigger's side gives no correlation (the wait is matched as every other).
 *
 * @param eventPath the trigger's field, as CEL selects it: {@code [data, ticketId]}
 * @param asyncPath the awaited event's field
 */
record WaitCorrelation(List<String> eventPath, List<String> asyncPath) {
  private static final String EQUALS = "_==_";
  private static final String AND = "_&&_";

  /** The field names a select can name; a key with a dot (or a space) is read with [] only. */
  private static final Pattern IDENTIFIER = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");

  /** The first indexable equality of the match's conjuncts, if any. */
  static Optional<WaitCorrelation> find(CelExpr match) {
    if (match.getKind() != Kind.CALL) {
      return Optional.empty();
    }
    CelExpr.CelCall call = match.call();
    if (call.target().isPresent() || call.args().size() != 2) {
      return Optional.empty();
    }
    CelExpr left = call.args().get(0);
    CelExpr right = call.args().get(1);
    return switch (call.function()) {
      case AND -> find(left).or(() -> find(right));
      case EQUALS -> equality(left, right).or(() -> equality(right, left));
      default -> Optional.empty();
    };
  }

  private static Optional<WaitCorrelation> equality(CelExpr event, CelExpr async) {
    Optional<List<String>> eventPath = path(event, CelEventEnvironment.EVENT);
    Optional<List<String>> asyncPath = path(async, CelEventEnvironment.ASYNC);
    return eventPath.isPresent() && asyncPath.isPresent()
        ? Optional.of(new WaitCorrelation(eventPath.get(), asyncPath.get()))
        : Optional.empty();
  }

  /** {@code variable.a.b}, as the field names after the variable; {@code has()} is no path. */
  private static Optional<List<String>> path(CelExpr expr, String variable) {
    List<String> fields = new ArrayList<>();
    CelExpr at = expr;
    while (at.getKind() == Kind.SELECT && !at.select().testOnly()) {
      fields.addFirst(at.select().field());
      at = at.select().operand();
    }
    boolean rooted = at.getKind() == Kind.IDENT && at.ident().name().equals(variable);
    return rooted && !fields.isEmpty() ? Optional.of(List.copyOf(fields)) : Optional.empty();
  }

  /**
   * What a wait registered by the run with this trigger stores: null when the trigger has no
   * comparable value at the path (then the equality can never hold, and the wait is left to CEL).
   */
  @Nullable Correlation of(EventEnvelope trigger) {
    Object value = CelEventValues.of(trigger);
    for (String field : eventPath) {
      if (!(value instanceof Map<?, ?> map) || !map.containsKey(field)) {
        return null;
      }
      value = map.get(field);
    }
    String canonical = canonical(value);
    return canonical == null ? null : new Correlation(String.join(".", asyncPath), canonical);
  }

  /**
   * Every field of the event a correlation can name (through maps; not into lists, which a select
   * cannot), with its value: the correlations of the waits this event may resolve are among them.
   */
  static Set<Correlation> valuesOf(EventEnvelope event) {
    Set<Correlation> values = new HashSet<>();
    collect("", CelEventValues.of(event), values);
    return values;
  }

  private static void collect(String prefix, Map<?, ?> map, Set<Correlation> values) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String field = (String) entry.getKey();
      if (!IDENTIFIER.matcher(field).matches()) {
        continue;
      }
      String path = prefix + field;
      if (entry.getValue() instanceof Map<?, ?> nested) {
        collect(path + ".", nested, values);
      } else {
        String canonical = canonical(entry.getValue());
        if (canonical != null) {
          values.add(new Correlation(path, canonical));
        }
      }
    }
  }

  /**
   * One text for all values CEL finds equal to this one (its equality compares numbers of different
   * types by value: {@code 5 == 5.0}), or null for a map or a list, which this does not index. It
   * may give one text to values CEL keeps apart ({@code -0.0} and {@code 0}): that only makes an
   * event a candidate that CEL then rejects; the reverse would lose a wake-up, and must not be.
   */
  static @Nullable String canonical(@Nullable Object value) {
    return switch (value) {
      case String text -> JsonNodeFactory.instance.stringNode(text).toString();
      case Boolean bool -> bool.toString();
      // CEL compares an int with a double as doubles (9007199254740993 == 9007199254740992.0):
      // one text per double keeps every pair it finds equal together.
      case Long number -> whole(number.doubleValue());
      case Double number -> whole(number);
      case NullValue _ -> "null";
      case null, default -> null;
    };
  }

  /**
   * A whole double as the integer it equals ({@code 5.0} is {@code 5} to CEL), else as a double.
   */
  private static String whole(double number) {
    boolean whole = number == Math.rint(number) && !Double.isInfinite(number);
    if (whole && number >= -0x1p63 && number < 0x1p63) {
      return Long.toString((long) number);
    }
    return Double.toString(number);
  }
}
