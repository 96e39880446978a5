package com.ticketbounty.eventruntime.spi;

import java.util.UUID;

/**
 * The right of one attempt to write a run's progress. A write under a lease applies only while the
 * run is running under this very attempt, unexpired, for {@code owner}: every claim takes a new
 * {@code attempt} number, so an attempt whose run was claimed again — by another instance, or by
 * the same one after its lease lapsed — or cancelled cannot write anything.
 *
 * @param attempt the claim's number for this run (1 for its first claim)
 */
public record Lease(UUID runId, String owner, int attempt) {}
