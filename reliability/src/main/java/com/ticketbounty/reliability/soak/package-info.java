/**
 * The soak (README, "Reliability" → "Soak"): the whole system under steady open-loop load through
 * the gateway for minutes, sampled every period for throughput, latency, heap after a full GC, open
 * connections, dead tuples and table sizes, with a verdict per series (flat or growing) written to
 * the soak section of docs/reliability.md.
 */
@NullMarked
package com.ticketbounty.reliability.soak;

import org.jspecify.annotations.NullMarked;
