package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;

/**
 * The CEL expressions of DESIGN.md §4–5, as the engine needs them: trigger filters, {@code
 * waitForEvent} matches and concurrency keys. Implemented with {@code dev.cel}.
 */
public interface EventExpressions {

  /** Whether a trigger's {@code filter} (over {@code event}) accepts the event. */
  boolean accepts(String filter, EventEnvelope event);

  /** Whether a wait's {@code match} holds for the run's trigger {@code event} and {@code async}. */
  boolean matches(String match, EventEnvelope event, EventEnvelope async);

  /** The value of a concurrency key expression over {@code event}, as a string. */
  String key(String expression, EventEnvelope event);
}
