/** Tickets in the service's own PostgreSQL database, through R2DBC. */
@NullMarked
package com.ticketbounty.ticket.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
