/**
 * Attempts per window per key, counted in memory: what the gateway limits per client address and
 * identity-service per client address and per account.
 */
@NullMarked
package com.ticketbounty.serviceweb.ratelimit;

import org.jspecify.annotations.NullMarked;
