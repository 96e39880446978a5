/**
 * Attempts per minute per key (client address, account), counted in PostgreSQL so that every
 * instance of a service shares the count: what the gateway limits per client address and
 * identity-service, ticket-service and comment-service per client address and per account.
 */
@NullMarked
package com.ticketbounty.serviceweb.ratelimit;

import org.jspecify.annotations.NullMarked;
