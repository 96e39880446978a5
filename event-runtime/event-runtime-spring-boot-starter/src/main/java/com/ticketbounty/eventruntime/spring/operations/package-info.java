/**
 * The operations API of a service's event-runtime, under {@code /internal/runtime/…}: never routed
 * by the gateway from outside, and only for callers with a JWT whose {@code role} is {@code ADMIN},
 * verified against the identity service's JWKS.
 */
@NullMarked
package com.ticketbounty.eventruntime.spring.operations;

import org.jspecify.annotations.NullMarked;
