/**
 * event-runtime's PostgreSQL store: durable-function runs ({@link PostgresRunStore}), the outbox,
 * the inbox of processed events, dead letters, and the migrations of the runtime's own schema
 * {@code event_runtime}. Plain JDBC, so it runs beside any data access a service chooses.
 */
@NullMarked
package com.ticketbounty.eventruntime.postgres;

import org.jspecify.annotations.NullMarked;
