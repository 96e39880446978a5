package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.function.Concurrency;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.internal.ConcurrencyKeyException;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.ParentStep;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Makes the runs an event starts. A run's id is derived from (function, event id), so that an event
 * delivered twice — or submitted by two instances — names the same run.
 */
final class NewRuns {
  private final EventCodec codec;
  private final EventExpressions expressions;
  private final EngineTelemetry telemetry;

  NewRuns(EventCodec codec, EventExpressions expressions, EngineTelemetry telemetry) {
    this.codec = codec;
    this.expressions = expressions;
    this.telemetry = telemetry;
  }

  /**
   * The run {@code event} starts. When its concurrency key cannot be evaluated on this event, the
   * run is still made (the event was taken in; retrying it cannot help) but fails at its first
   * attempt with the reason, publishing {@code runtime/function.failed} like any failure.
   */
  NewRun of(DurableFunction function, EventEnvelope event, @Nullable ParentStep parent) {
    return of(function, event, codec.encode(event), parent, Context.current());
  }

  /** Like {@link #of(DurableFunction, EventEnvelope, ParentStep)}, the event already encoded. */
  NewRun of(
      DurableFunction function, EventEnvelope event, String encoded, @Nullable ParentStep parent) {
    return of(function, event, encoded, parent, Context.current());
  }

  /**
   * Like {@link #of(DurableFunction, EventEnvelope, String, ParentStep)}, the run's span a child of
   * {@code context} instead of the current one: each event of a delivery batch is taken in under
   * its own message's context, though they share one thread and one transaction.
   */
  NewRun under(Context context, DurableFunction function, EventEnvelope event, String encoded) {
    return of(function, event, encoded, null, context);
  }

  /** A cron tick's run: the root of a new trace. */
  NewRun cron(DurableFunction function, EventEnvelope event) {
    return of(function, event, codec.encode(event), null, null);
  }

  /**
   * The run's {@code run} span is made here, a child of {@code context} (the message consumed, the
   * invoking step, the failed attempt) or, when it is null, the root of a new trace; the run keeps
   * its context.
   */
  private NewRun of(
      DurableFunction function,
      EventEnvelope event,
      String encoded,
      @Nullable ParentStep parent,
      @Nullable Context context) {
    String key = null;
    String failure = null;
    try {
      key = concurrencyKey(function, event);
    } catch (ConcurrencyKeyException e) {
      failure = e.getMessage();
    }
    UUID id = derivedId(function.id() + "/" + event.id());
    return new NewRun(
        id,
        function.id(),
        event.id(),
        encoded,
        key,
        parent,
        failure,
        telemetry.runSpan(function.id(), id, context));
  }

  /** A name-based UUID: the same parts always give the same id, on any instance. */
  static UUID derivedId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  private @Nullable String concurrencyKey(DurableFunction function, EventEnvelope event) {
    Concurrency concurrency = function.concurrency().orElse(null);
    if (concurrency == null) {
      return null;
    }
    return concurrency.key().map(key -> expressions.key(key, event)).orElse("");
  }
}
