package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.function.Concurrency;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.internal.EventCodec;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.ParentStep;
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

  NewRuns(EventCodec codec, EventExpressions expressions) {
    this.codec = codec;
    this.expressions = expressions;
  }

  NewRun of(DurableFunction function, EventEnvelope event, @Nullable ParentStep parent) {
    return new NewRun(
        derivedId(function.id() + "/" + event.id()),
        function.id(),
        event.id(),
        codec.encode(event),
        concurrencyKey(function, event),
        parent);
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
