package com.ticketbounty.reliability.soak;

/** One operation's requests: sent, answered with a 2xx, failed (another status, or none). */
public record RequestCounts(long sent, long answered, long failed) {}
