package com.ticketbounty.eventruntime.test;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.internal.engine.EventExpressions;

/** Until the CEL evaluator is wired in: any filter, match or key fails with a clear message. */
enum UnavailableExpressions implements EventExpressions {
  INSTANCE;

  @Override
  public boolean accepts(String filter, EventEnvelope event) {
    throw unavailable(filter);
  }

  @Override
  public boolean matches(String match, EventEnvelope event, EventEnvelope async) {
    throw unavailable(match);
  }

  @Override
  public String key(String expression, EventEnvelope event) {
    throw unavailable(expression);
  }

  private static UnsupportedOperationException unavailable(String expression) {
    return new UnsupportedOperationException(
        "no CEL evaluator is configured for '"
            + expression
            + "': pass EventExpressions to the kit");
  }
}
