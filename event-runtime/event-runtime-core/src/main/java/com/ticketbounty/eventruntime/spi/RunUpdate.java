package com.ticketbounty.eventruntime.spi;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How an attempt ends: the run's new status and due time. Any status but {@link RunStatus#RUNNING}
 * releases the lease.
 *
 * @param dueAt when the run is next due; null for "when the commit applies", on the store's clock
 *     (a finished run's end: the store takes its time inside the write, not in a read before it)
 * @param executed how long the attempt executed, added to the run's {@link RunRecord#executed()}
 * @param attemptSpan the W3C {@code traceparent} of the attempt's span, kept as {@link
 *     RunTrace#lastAttempt()} for the next attempt to link to; null keeps the one before
 */
public record RunUpdate(
    RunStatus status,
    @Nullable Instant dueAt,
    @Nullable String output,
    @Nullable String error,
    Duration executed,
    @Nullable String attemptSpan) {

  public RunUpdate(
      RunStatus status,
      @Nullable Instant dueAt,
      @Nullable String output,
      @Nullable String error,
      Duration executed) {
    this(status, dueAt, output, error, executed, null);
  }

  public RunUpdate(
      RunStatus status, @Nullable Instant dueAt, @Nullable String output, @Nullable String error) {
    this(status, dueAt, output, error, Duration.ZERO, null);
  }

  /** A run that ends now (completed, failed): due when the commit applies, on the store's clock. */
  public static RunUpdate ending(
      RunStatus status, @Nullable String output, @Nullable String error) {
    return new RunUpdate(status, null, output, error);
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
