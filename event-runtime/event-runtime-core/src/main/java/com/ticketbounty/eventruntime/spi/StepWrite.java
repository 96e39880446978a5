package com.ticketbounty.eventruntime.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A step's record as the engine writes it (replacing the previous one of the same key).
 *
 * @param attempts attempts made so far
 * @param memo the versioned memo: {@code {"v":1,"data":…}} or {@code {"v":1,"error":…}}
 * @param wakeAt for a sleep or a wait: when it ends; for a retry: when the next attempt is due
 */
public record StepWrite(
    String key, StepStatus status, int attempts, @Nullable String memo, @Nullable Instant wakeAt) {}
