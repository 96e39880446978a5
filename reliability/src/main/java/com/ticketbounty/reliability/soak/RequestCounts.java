package com.ticketbounty.reliability.soak;

/**
 * One operation's requests over the whole soak: sent, answered with a 2xx, failed (another status,
 * or none), and the latency of those answered (ms, from the scheduled time to the answer).
 */
public record RequestCounts(
    long sent, long answered, long failed, double p50Ms, double p99Ms, double maxMs) {}
