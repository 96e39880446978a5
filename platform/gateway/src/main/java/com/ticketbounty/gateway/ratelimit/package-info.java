/** Per-client-address limits on sign-in and forgot-password attempts, without Redis. */
@NullMarked
package com.ticketbounty.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
