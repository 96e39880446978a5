package com.ticketbounty.eventruntime.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
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

  private static final String TRACEPARENT = "traceparent";

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

  /**
   * The current context when it has a span (the transport's {@code process} span), else the context
   * the headers carry.
   */
  public static Context currentOr(Map<String, String> headers) {
    return Span.current().getSpanContext().isValid() ? Context.current() : extract(headers);
  }

  /** The context of the headers alone, not on top of the caller's current one. */
  public static Context extractFromRoot(Map<String, String> headers) {
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, GETTER);
  }

  /** The headers with {@code context}'s trace context put in (replacing any there). */
  public static Map<String, String> inject(Context context, Map<String, String> headers) {
    Map<String, String> copy = new HashMap<>(headers);
    copy.remove("tracestate");
    W3CTraceContextPropagator.getInstance()
        .inject(context, copy, (carrier, key, value) -> carrier.put(key, value));
    return copy;
  }

  /** The span context as a W3C {@code traceparent}, or null when it is not valid. */
  public static @Nullable String traceParent(SpanContext span) {
    if (!span.isValid()) {
      return null;
    }
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
  }

  /** A context whose span is the (remote) one {@code traceParent} names; root when null. */
  public static Context context(@Nullable String traceParent) {
    return traceParent == null ? Context.root() : extractFromRoot(Map.of(TRACEPARENT, traceParent));
  }

  /** The span context {@code traceParent} names; invalid when null or malformed. */
  public static SpanContext spanContext(@Nullable String traceParent) {
    return Span.fromContext(context(traceParent)).getSpanContext();
  }
}
