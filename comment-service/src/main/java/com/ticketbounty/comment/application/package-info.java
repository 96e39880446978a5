/**
 * Use cases, one class per verb, and the ports they reach the outside through. Nothing here knows
 * HTTP, SQL or AMQP; the adapters implement the ports.
 */
@NullMarked
package com.ticketbounty.comment.application;

import org.jspecify.annotations.NullMarked;
