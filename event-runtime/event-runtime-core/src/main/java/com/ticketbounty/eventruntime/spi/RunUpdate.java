package com.ticketbounty.eventruntime.spi;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How an attempt ends: the run's new status and due time. Any status but {@link RunStatus#RUNNING}
 * releases the lease.
 *
 * @param executed how long the attempt executed, added to the run's {@link RunRecord#executed()}
 * @param attemptSpan the W3C {@code traceparent} of the attempt's span, kept as {@link
 *     RunTrace#lastAttempt()} for the next attempt to link to; null keeps the one before
 */
public record RunUpdate(
    RunStatus status,
    Instant dueAt,
    @Nullable String output,
    @Nullable String error,
    Duration executed,
    @Nullable String attemptSpan) {

  public RunUpdate(
      RunStatus status,
      Instant dueAt,
      @Nullable String output,
      @Nullable String error,
      Duration executed) {
    this(status, dueAt, output, error, executed, null);
  }

  public RunUpdate(
      RunStatus status, Instant dueAt, @Nullable String output, @Nullable String error) {
    this(status, dueAt, output, error, Duration.ZERO, null);
  }

  /** This end with the time the attempt executed. */
  public RunUpdate executing(Duration attemptExecuted) {
    return new RunUpdate(status, dueAt, output, error, attemptExecuted, attemptSpan);
  }

  /** This end with the attempt's span, for the next attempt to link to. */
  public RunUpdate tracedBy(String attemptTraceParent) {
    return new RunUpdate(status, dueAt, output, error, executed, attemptTraceParent);
  }
}
