package com.ticketbounty.eventruntime.spi;

import java.util.UUID;

/**
 * The right to write a run's progress. A write under a lease applies only while {@code owner} still
 * holds it unexpired and the run is running, so a worker whose lease was taken over (or whose run
 * was cancelled) cannot overwrite anything.
 */
public record Lease(UUID runId, String owner) {}
