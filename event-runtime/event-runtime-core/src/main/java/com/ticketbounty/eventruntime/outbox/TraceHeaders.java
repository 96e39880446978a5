package com.ticketbounty.eventruntime.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Carries the W3C trace context ({@code traceparent}, {@code tracestate}) from the producer's
 * current span into message headers, and back into a context on the consumer.
 */
public final class TraceHeaders {
  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private TraceHeaders() {}

  public static Map<String, String> capture() {
    Map<String, String> headers = new HashMap<>();
    W3CTraceContextPropagator.getInstance()
        .inject(Context.current(), headers, (carrier, key, value) -> carrier.put(key, value));
    return headers;
  }

  public static Context extract(Map<String, String> headers) {
    return W3CTraceContextPropagator.getInstance().extract(Context.current(), headers, GETTER);
  }
}
