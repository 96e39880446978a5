/** Identity events, written to event-runtime's outbox inside the caller's R2DBC transaction. */
@NullMarked
package com.ticketbounty.identity.adapter.out.messaging;

import org.jspecify.annotations.NullMarked;
