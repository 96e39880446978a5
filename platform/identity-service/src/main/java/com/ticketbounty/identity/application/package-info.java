/**
 * Use cases, one class per verb, and the ports they reach the outside through. Nothing here knows
 * HTTP, SQL, AMQP or JWT; the adapters implement the ports.
 */
@NullMarked
package com.ticketbounty.identity.application;

import org.jspecify.annotations.NullMarked;
