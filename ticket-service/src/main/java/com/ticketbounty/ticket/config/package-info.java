/** Explicit wiring of use cases to their adapters. */
@NullMarked
package com.ticketbounty.ticket.config;

import org.jspecify.annotations.NullMarked;
