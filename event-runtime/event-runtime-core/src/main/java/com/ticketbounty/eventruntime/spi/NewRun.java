package com.ticketbounty.eventruntime.spi;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A run to create, due at once. Creation is idempotent on {@code (functionId, eventId)}.
 *
 * @param event the triggering event, encoded as on the wire
 * @param concurrencyKey the value of the function's concurrency key, or {@code null} when it has no
 *     concurrency limit
 * @param parent the invoking step when this run was started by {@code invoke}
 * @param failure why the run must fail at its first attempt, without executing its body: its event
 *     was taken in, but something the run needs could not be made of it (its concurrency key)
 * @param traceParent the W3C {@code traceparent} of the run's {@code run} span, kept on the run as
 *     the parent of its attempts ({@link RunTrace#run()}); null when there is no trace
 */
public record NewRun(
    UUID id,
    String functionId,
    UUID eventId,
    String event,
    @Nullable String concurrencyKey,
    @Nullable ParentStep parent,
    @Nullable String failure,
    @Nullable String traceParent) {

  public NewRun(
      UUID id,
      String functionId,
      UUID eventId,
      String event,
      @Nullable String concurrencyKey,
      @Nullable ParentStep parent,
      @Nullable String failure) {
    this(id, functionId, eventId, event, concurrencyKey, parent, failure, null);
  }

  public NewRun(
      UUID id,
      String functionId,
      UUID eventId,
      String event,
      @Nullable String concurrencyKey,
      @Nullable ParentStep parent) {
    this(id, functionId, eventId, event, concurrencyKey, parent, null, null);
  }
}
