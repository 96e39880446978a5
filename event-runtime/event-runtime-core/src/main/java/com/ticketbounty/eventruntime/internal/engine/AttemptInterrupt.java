package com.ticketbounty.eventruntime.internal.engine;

import org.jspecify.annotations.Nullable;

/**
 * Ends an attempt from inside the body: at a sleep, a wait, an invoke or a retry backoff, or when
 * the run's lease is gone (taken over, cancelled). An {@link Error}, so that the usual {@code catch
 * (Exception e)} in a body lets it through. A body that catches it anyway ({@code catch (Throwable
 * t)}) is detected: every later step call throws it again, and an attempt that ends any other way
 * after it was thrown fails the run with a message saying so.
 */
final class AttemptInterrupt extends Error {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable Suspension suspension;

  private AttemptInterrupt(String message, @Nullable Suspension suspension) {
    super(message, null, false, false);
    this.suspension = suspension;
  }

  static AttemptInterrupt suspend(Suspension suspension) {
    return new AttemptInterrupt("attempt suspended: " + suspension.status(), suspension);
  }

  static AttemptInterrupt fenced() {
    return new AttemptInterrupt("the run's lease is gone (taken over or cancelled)", null);
  }

  /** What to persist to end the attempt; empty when the lease is gone and nothing may be. */
  @Nullable Suspension suspension() {
    return suspension;
  }
}
