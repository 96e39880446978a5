package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.spi.Correlation;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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

  /**
   * What a wait's {@code match} demands of the awaited event, with the value the run's trigger
   * {@code event} has there; null when the match has no equality an index can serve.
   */
  @Nullable Correlation correlation(String match, EventEnvelope event);

  /**
   * The fields of an incoming event that a wait's correlation can name, with their values: a wait
   * with a correlation can match this event only when its correlation is one of them.
   */
  Set<Correlation> correlations(EventEnvelope async);

  /** The value of a concurrency key expression over {@code event}, as a string. */
  String key(String expression, EventEnvelope event);
}
