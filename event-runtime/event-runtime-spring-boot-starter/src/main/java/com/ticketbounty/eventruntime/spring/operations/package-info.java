/**
 * The operations API of a service's event-runtime, under {@code /internal/runtime/…}: never routed
 * by the gateway from outside, and guarded route by route by the service's {@link
 * com.ticketbounty.eventruntime.spring.operations.OperationsAccess}.
 */
@NullMarked
package com.ticketbounty.eventruntime.spring.operations;

import org.jspecify.annotations.NullMarked;
