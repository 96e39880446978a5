package com.ticketbounty.eventruntime.spi;

import org.jspecify.annotations.Nullable;

/**
 * The trace context a run keeps, each part a W3C {@code traceparent}: its {@code run} span, made
 * when the run was created (the parent of every attempt, on any instance), and the span of its
 * latest attempt that wrote its end (what the next attempt links to).
 */
public record RunTrace(@Nullable String run, @Nullable String lastAttempt) {
  public static final RunTrace NONE = new RunTrace(null, null);

  /** The trace id of {@link #run()}, or null when the run keeps no trace context. */
  public @Nullable String traceId() {
    // 00-<trace id, 32 hex>-<span id, 16 hex>-<flags>
    return run == null || run.length() < 35 ? null : run.substring(3, 35);
  }
}
