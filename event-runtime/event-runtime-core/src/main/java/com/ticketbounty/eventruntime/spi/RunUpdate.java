package com.ticketbounty.eventruntime.spi;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How an attempt ends: the run's new status and due time. Any status but {@link RunStatus#RUNNING}
 * releases the lease.
 *
 * @param executed how long the attempt executed, added to the run's {@link RunRecord#executed()}
 */
public record RunUpdate(
    RunStatus status,
    Instant dueAt,
    @Nullable String output,
    @Nullable String error,
    Duration executed) {

  public RunUpdate(
      RunStatus status, Instant dueAt, @Nullable String output, @Nullable String error) {
    this(status, dueAt, output, error, Duration.ZERO);
  }
}
