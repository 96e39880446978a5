/**
 * The public API of event-runtime: what a producer and a consumer of events see. Adapters (the
 * PostgreSQL store, the RabbitMQ transport) implement {@link com.ticketbounty.eventruntime.spi};
 * the engine lives in {@link com.ticketbounty.eventruntime.internal}.
 */
@NullMarked
package com.ticketbounty.eventruntime;

import org.jspecify.annotations.NullMarked;
