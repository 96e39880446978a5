/** ticket-service: tickets, and the events that announce them. */
@NullMarked
package com.ticketbounty.ticket;

import org.jspecify.annotations.NullMarked;
