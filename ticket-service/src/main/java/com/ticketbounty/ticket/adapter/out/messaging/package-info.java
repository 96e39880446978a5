/** Ticket events, written to event-runtime's outbox in the caller's transaction. */
@NullMarked
package com.ticketbounty.ticket.adapter.out.messaging;

import org.jspecify.annotations.NullMarked;
