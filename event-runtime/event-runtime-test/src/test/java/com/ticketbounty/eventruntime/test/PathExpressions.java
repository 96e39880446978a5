package com.ticketbounty.eventruntime.test;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.internal.engine.EventExpressions;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for the CEL evaluator in these tests: dotted paths ({@code event.data.userId}) and one
 * {@code ==} between two paths or a path and a quoted literal. Enough to drive the engine.
 */
final class PathExpressions implements EventExpressions {

  @Override
  public boolean accepts(String filter, EventEnvelope event) {
    return matches(filter, event, event);
  }

  @Override
  public boolean matches(String match, EventEnvelope event, EventEnvelope async) {
    String[] sides = match.split("==");
    return value(sides[0].trim(), event, async).equals(value(sides[1].trim(), event, async));
  }

  @Override
  public String key(String expression, EventEnvelope event) {
    return value(expression, event, event);
  }

  private static String value(String side, EventEnvelope event, EventEnvelope async) {
    if (side.startsWith("'")) {
      return side.substring(1, side.length() - 1);
    }
    String[] parts = side.split("\\.");
    EventEnvelope root = parts[0].equals("async") ? async : event;
    JsonNode node = root.data();
    for (int i = 2; i < parts.length; i++) {
      node = node.path(parts[i]);
    }
    return node.asString();
  }
}
