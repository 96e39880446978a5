/** Events published by ticket-service. */
@NullMarked
package com.ticketbounty.events.ticket;

import org.jspecify.annotations.NullMarked;
