package com.ticketbounty.bench.subject;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The completion hook for event-runtime: its {@code attempt <function>} span ends after the
 * statement that ends the attempt has committed (AttemptExecutor.finish, then the span's close),
 * and carries {@code eventruntime.outcome=completed} and {@code eventruntime.run.id}, both
 * documented in docs/event-runtime.md. The {@code run <function>} span would not do: it is ended at
 * once when the run is created. The attribute keys are spelled here rather than taken from the
 * runtime's constants, so that jars of another revision link (compare).
 */
final class CompletionSpans implements SpanProcessor {
  private static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("eventruntime.run.id");
  private static final AttributeKey<String> OUTCOME =
      AttributeKey.stringKey("eventruntime.outcome");

  private final DriverLink link;
  private final Map<String, Long> started = new ConcurrentHashMap<>();

  CompletionSpans(DriverLink link) {
    this.link = link;
  }

  /**
   * The function's body names its run's event as it starts (every attempt: a put is idempotent).
   */
  void running(String runId, long seq) {
    started.put(runId, seq);
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (!span.getName().startsWith("attempt ") || !"completed".equals(span.getAttribute(OUTCOME))) {
      return;
    }
    String runId = span.getAttribute(RUN_ID);
    Long seq = runId == null ? null : started.remove(runId);
    if (seq != null) {
      link.completed(seq);
    }
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }
}
