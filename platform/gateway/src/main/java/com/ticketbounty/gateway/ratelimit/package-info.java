/**
 * Per-client-address limits on sign-in and forgot-password attempts, counted in the gateway's
 * database (service-web's store) so that every gateway instance shares them; no Redis.
 */
@NullMarked
package com.ticketbounty.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
