package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import com.ticketbounty.eventruntime.telemetry.TelemetryNames;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * One executed step's span. A body runs with it current and the run's MDC keys (and the step's id)
 * set on whichever thread executes it, so that the calls the body makes and the lines it logs carry
 * the step.
 */
final class StepTrace {
  private final Span span;
  private final String functionId;
  private final String runId;
  private final String key;

  StepTrace(Span span, String functionId, String runId, String key) {
    this.span = span;
    this.functionId = functionId;
    this.runId = runId;
    this.key = key;
  }

  Context context() {
    return Context.current().with(span);
  }

  /** The body, to run on another thread with this step's context and MDC. */
  <T> Callable<T> wrap(Callable<T> body) {
    Context context = context();
    return () -> {
      try (var _ = context.makeCurrent();
          RunMdc _ = RunMdc.put(span.getSpanContext(), functionId, runId, key)) {
        return body.call();
      }
    };
  }

  /**
   * What the step's execution recorded; an execution that threw is an error (retried or not), named
   * by the exception's class only.
   */
  void end(StepWrite write, @Nullable Throwable failure) {
    if (failure != null) {
      span.setStatus(StatusCode.ERROR, failure.getClass().getName());
    } else if (write.status() == StepStatus.FAILED) {
      span.setStatus(StatusCode.ERROR);
    }
    end(write.status().name().toLowerCase(Locale.ROOT));
  }

  void end(String outcome) {
    span.setAttribute(TelemetryNames.OUTCOME, outcome);
    span.end();
  }

  /** Ends the span without an outcome: the attempt was abandoned while the step ran. */
  void abandoned() {
    span.end();
  }
}
