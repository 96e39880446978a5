package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;

/**
 * The CEL expressions of DESIGN.md §4–5, as the engine needs them: trigger filters, {@code
 * waitForEvent} matches and concurrency keys. Implemented with {@code dev.cel}.
 */
public interface EventExpressions {

  /** Whether a trigger's {@code filter} (over {@code event}) accepts the event. */
  boolean accepts(String filter, EventEnvelope event);

  /**
   * Compiles a wait's match, so that a bad one fails the step that gave it, at once, and is never
   * registered.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  void checkMatch(String match);

  /**
   * Whether a wait's {@code match} holds for the run's trigger {@code event} and {@code async}; an
   * evaluation error on this pair is no match.
   */
  boolean matches(String match, EventEnvelope event, EventEnvelope async);

  /** The value of a concurrency key expression over {@code event}, as a string. */
  String key(String expression, EventEnvelope event);
}
