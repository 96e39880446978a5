package com.ticketbounty.eventruntime.spi;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A step as stored.
 *
 * @param sequence grows with every write of the run's steps: the order steps were recorded in,
 *     which replay uses to drop "this step and the ones after it"
 * @param firstRecordedAt when the step was first written
 * @param recordedAt when it was last written
 */
public record StepRecord(
    UUID runId,
    String key,
    StepStatus status,
    int attempts,
    @Nullable String memo,
    @Nullable Instant wakeAt,
    long sequence,
    Instant firstRecordedAt,
    Instant recordedAt) {}
