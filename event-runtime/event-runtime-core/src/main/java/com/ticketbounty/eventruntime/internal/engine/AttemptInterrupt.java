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
  private final @Nullable String failure;

  private AttemptInterrupt(
      String message, @Nullable Suspension suspension, @Nullable String failure) {
    super(message, null, false, false);
    this.suspension = suspension;
    this.failure = failure;
  }

  static AttemptInterrupt suspend(Suspension suspension) {
    return new AttemptInterrupt("attempt suspended: " + suspension.status(), suspension, null);
  }

  static AttemptInterrupt fenced() {
    return abandoned("the run's lease is gone (taken over or cancelled)");
  }

  /** Ends the attempt with nothing written: the run is left to its lease. */
  static AttemptInterrupt abandoned(String why) {
    return new AttemptInterrupt(why, null, null);
  }

  /** Fails the run, whatever the body would do: no retry can cure it (its timeout ran out). */
  static AttemptInterrupt fail(String error) {
    return new AttemptInterrupt(error, null, error);
  }

  /** Why the run fails, when this interrupt fails it. */
  @Nullable String failure() {
    return failure;
  }

  /** What to persist to end the attempt; null when it fails the run or nothing may be written. */
  @Nullable Suspension suspension() {
    return suspension;
  }
}
