/**
 * The durable-function engine: it turns stored runs into attempts of a function body and the
 * attempts' outcomes back into stored state, through {@link
 * com.ticketbounty.eventruntime.spi.RunStore}. No Spring, no SQL, no AMQP here: adapters bring
 * those. Not an API: it may change in any release.
 */
@NullMarked
package com.ticketbounty.eventruntime.internal.engine;

import org.jspecify.annotations.NullMarked;
