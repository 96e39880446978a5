package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.telemetry.TelemetryNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The engine's spans — {@code run}, {@code attempt} and {@code step} — and its meters. A run's
 * {@code run} span is made when the run is created and ended at once; its context is kept on the
 * run, so that every attempt, on any instance and after any restart, is its child. An attempt links
 * to the attempt before it, whose span the run also keeps.
 */
public final class EngineTelemetry {
  public static final EngineTelemetry NONE = new EngineTelemetry(OpenTelemetry.noop(), null);

  private final Tracer tracer;
  private final EngineMeters meters;

  public EngineTelemetry(OpenTelemetry openTelemetry, @Nullable MeterRegistry registry) {
    this.tracer = openTelemetry.getTracer(TelemetryNames.SCOPE);
    this.meters = new EngineMeters(registry);
  }

  EngineMeters meters() {
    return meters;
  }

  /**
   * Makes the {@code run} span of a new run, a child of {@code parent} (the consumed message, the
   * invoking step) or, when it is null, the root of a new trace (a cron tick).
   *
   * @return its {@code traceparent}, kept on the run; null when there is no trace at all
   */
  @Nullable String runSpan(String functionId, UUID runId, @Nullable Context parent) {
    SpanBuilder builder =
        tracer
            .spanBuilder("run " + functionId)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(TelemetryNames.FUNCTION_ID, functionId)
            .setAttribute(TelemetryNames.RUN_ID, runId.toString());
    if (parent == null) {
      builder.setNoParent();
    } else {
      builder.setParent(parent);
    }
    Span span = builder.startSpan();
    span.end();
    return TraceHeaders.traceParent(span.getSpanContext());
  }

  /** Starts an attempt's span under the run's kept context and makes it current, with the MDC. */
  AttemptTrace attempt(RunRecord run) {
    SpanBuilder builder =
        tracer
            .spanBuilder("attempt " + run.functionId())
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(TraceHeaders.context(run.trace().run()))
            .setAttribute(TelemetryNames.FUNCTION_ID, run.functionId())
            .setAttribute(TelemetryNames.RUN_ID, run.id().toString())
            .setAttribute(TelemetryNames.ATTEMPT, (long) run.attempt());
    SpanContext previous = TraceHeaders.spanContext(run.trace().lastAttempt());
    if (previous.isValid()) {
      builder.addLink(previous);
    }
    return new AttemptTrace(builder.startSpan(), run);
  }

  /** Starts a step's span under the current context (its attempt's). */
  StepTrace step(String functionId, UUID runId, String key, int attempt) {
    Span span =
        tracer
            .spanBuilder("step " + EngineMeters.stepTag(key))
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(Context.current())
            .setAttribute(TelemetryNames.FUNCTION_ID, functionId)
            .setAttribute(TelemetryNames.RUN_ID, runId.toString())
            .setAttribute(TelemetryNames.STEP_ID, key)
            .setAttribute(TelemetryNames.ATTEMPT, (long) attempt)
            .startSpan();
    return new StepTrace(span, functionId, runId.toString(), key);
  }
}
