package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.telemetry.TelemetryNames;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One attempt's span, current (with the run's MDC keys) on the attempt's thread until closed. Its
 * outcome is the run's status once the attempt's end is written; a sleep after a failed step reads
 * {@code retrying}.
 */
final class AttemptTrace implements AutoCloseable {
  private final Span span;
  private final Scope scope;
  private final RunMdc mdc;
  private final long startedNanos = System.nanoTime();
  private volatile boolean retried;

  AttemptTrace(Span span, RunRecord run) {
    this.span = span;
    this.scope = span.makeCurrent();
    this.mdc = RunMdc.put(span.getSpanContext(), run.functionId(), run.id().toString(), null);
  }

  /** How long ago the attempt began. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** A step of this attempt failed and will be tried again. */
  void retried() {
    retried = true;
  }

  /** The attempt's span as a {@code traceparent}, kept on the run for the next attempt's link. */
  @Nullable String traceParent() {
    return TraceHeaders.traceParent(span.getSpanContext());
  }

  /** The attempt ended with the run in {@code status}, as written. */
  void ended(RunStatus status) {
    String outcome =
        status == RunStatus.SLEEPING && retried
            ? "retrying"
            : status.name().toLowerCase(Locale.ROOT);
    span.setAttribute(TelemetryNames.OUTCOME, outcome);
    if (status == RunStatus.FAILED) {
      span.setStatus(StatusCode.ERROR);
    }
  }

  /** The attempt was abandoned by a throwable: its class name only, never its message. */
  void abandoned(Throwable thrown) {
    span.setStatus(StatusCode.ERROR, thrown.getClass().getName());
  }

  @Override
  public void close() {
    mdc.close();
    scope.close();
    span.end();
  }
}
