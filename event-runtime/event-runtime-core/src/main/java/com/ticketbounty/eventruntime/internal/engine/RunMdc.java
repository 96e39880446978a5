package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.telemetry.TelemetryNames;
import io.opentelemetry.api.trace.SpanContext;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The MDC keys of a run while one of its attempts or steps executes on a thread, put back as they
 * were afterwards: a step body may run on the attempt's own thread (the test kit), whose keys must
 * survive the step.
 */
final class RunMdc implements AutoCloseable {
  private final Map<String, @Nullable String> previous = new HashMap<>();

  private RunMdc() {}

  static RunMdc put(SpanContext span, String functionId, String runId, @Nullable String stepId) {
    RunMdc mdc = new RunMdc();
    if (span.isValid()) {
      mdc.set(TelemetryNames.MDC_TRACE_ID, span.getTraceId());
      mdc.set(TelemetryNames.MDC_SPAN_ID, span.getSpanId());
    }
    mdc.set(TelemetryNames.MDC_FUNCTION_ID, functionId);
    mdc.set(TelemetryNames.MDC_RUN_ID, runId);
    if (stepId != null) {
      mdc.set(TelemetryNames.MDC_STEP_ID, stepId);
    }
    return mdc;
  }

  private void set(String key, String value) {
    previous.put(key, MDC.get(key));
    MDC.put(key, value);
  }

  @Override
  public void close() {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, value);
          }
        });
  }
}
