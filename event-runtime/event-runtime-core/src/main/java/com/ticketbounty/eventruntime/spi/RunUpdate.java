package com.ticketbounty.eventruntime.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How an attempt ends: the run's new status and due time. Any status but {@link RunStatus#RUNNING}
 * releases the lease.
 */
public record RunUpdate(
    RunStatus status, Instant dueAt, @Nullable String output, @Nullable String error) {}
