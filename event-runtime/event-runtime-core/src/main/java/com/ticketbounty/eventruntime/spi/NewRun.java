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
 */
public record NewRun(
    UUID id,
    String functionId,
    UUID eventId,
    String event,
    @Nullable String concurrencyKey,
    @Nullable ParentStep parent) {}
